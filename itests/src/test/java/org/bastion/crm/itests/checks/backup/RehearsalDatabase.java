package org.bastion.crm.itests.checks.backup;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.util.ArrayList;
import java.util.List;
import org.bastion.crm.itests.crash.RuntimeFolder;
import org.bastion.crm.itests.support.PostgresDatabase;
import org.junit.Assume;
import org.ops4j.pax.exam.Option;

/**
 * The PostgreSQL database the runbook rehearsal restores onto, handed from the test driver (which empties it with
 * the PostgreSQL JDBC driver of the test class path) to the rehearsal inside the H2 suite's container (which has no
 * PostgreSQL driver of its own), with the distribution archive and the folder to unpack it into.
 */
public final class RehearsalDatabase {

    private static final String STATE = "crm.itest.rehearsal.database";
    private static final String READY = "ready";
    private static final String SKIP_POSTGRES = "crm.itest.skipPostgres";
    private static final List<String> PASSED_ON = List.of("crm.itest.pg.url", "crm.itest.pg.user",
            "crm.itest.pg.password", RuntimeFolder.DISTRIBUTION_PROPERTY, "crm.itest.examDir");

    private RehearsalDatabase() {
    }

    /**
     * Driver side: empties the database's {@code public} schema (unless {@code -Dcrm.itest.skipPostgres=true}) and
     * returns the container options that pass it on, with what happened, to {@link #inContainer()}.
     */
    public static Option[] options() {
        String state;
        if (Boolean.getBoolean(SKIP_POSTGRES)) {
            state = "skipped: -D" + SKIP_POSTGRES + "=true";
        } else {
            try {
                PostgresDatabase.fromSystemProperties().resetSchema();
                state = READY;
            } catch (RuntimeException e) {
                state = "unusable: " + e.getMessage();
            }
        }
        List<Option> options = new ArrayList<>();
        options.add(systemProperty(STATE).value(state));
        for (String name : PASSED_ON) {
            String value = System.getProperty(name);
            if (value != null && !value.isBlank() && !value.startsWith("${")) {
                options.add(systemProperty(name).value(value));
            }
        }
        return options.toArray(new Option[0]);
    }

    /**
     * Container side: the emptied database; the test is skipped when PostgreSQL suites are skipped and fails when the
     * database could not be emptied.
     */
    public static PostgresDatabase inContainer() {
        String state = System.getProperty(STATE, "not passed to the container");
        Assume.assumeFalse("the runbook rehearsal needs PostgreSQL: " + state, state.startsWith("skipped"));
        if (!READY.equals(state)) {
            throw new AssertionError("the runbook rehearsal needs an empty PostgreSQL database: " + state);
        }
        return PostgresDatabase.fromSystemProperties();
    }
}
