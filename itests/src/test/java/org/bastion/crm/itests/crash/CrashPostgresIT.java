package org.bastion.crm.itests.crash;

import org.bastion.crm.itests.support.PostgresDatabase;
import org.junit.ClassRule;

/**
 * The crash suite on PostgreSQL (named by {@code -Dcrm.itest.pg.url/user/password}, its {@code public} schema emptied
 * first), in 3 rounds. Excluded with {@code -Dcrm.itest.skipPostgres=true}; without it, a missing server fails it.
 */
public class CrashPostgresIT extends AbstractCrashSuite {

    @ClassRule
    public static final CrashSuiteRule SUITE = new CrashSuiteRule(CrashPostgresIT.class.getSimpleName(), folder -> {
        PostgresDatabase database = PostgresDatabase.fromSystemProperties();
        database.resetSchema();
        folder.put("org.ops4j.datasource-crm.cfg", "osgi.jdbc.driver.class", "org.postgresql.Driver");
        folder.put("org.ops4j.datasource-crm.cfg", "url", database.url());
        folder.put("org.ops4j.datasource-crm.cfg", "user", database.user());
        folder.put("org.ops4j.datasource-crm.cfg", "password", database.password());
    });

    @Override
    protected CrashSuiteRule suite() {
        return SUITE;
    }

    @Override
    protected int rounds() {
        return 3;
    }
}
