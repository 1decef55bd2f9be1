package org.bastion.crm.audit.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.bastion.crm.api.Caller;
import org.bastion.crm.audit.internal.query.AuditQueryService;
import org.bastion.crm.audit.internal.query.AuditTables;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.Test;

class AuditSearchCommandTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final AuditTables tables = new AuditTables();
    private Caller caller = new Caller("u-aud", "Auditor", Set.of("auditor"), true);

    private AuditSearchCommand command() {
        AuditQueryService service = tables.queryService(() -> caller);
        AuditSearchCommand command = new AuditSearchCommand();
        command.queries = service;
        return command;
    }

    @Test
    void printsTheFilteredEntriesAsATable() {
        tables.chained(T0, "alice", "auth.login.succeeded", "success");
        tables.chained(T0, "bob", "auth.login.failed", "failure");
        AuditSearchCommand command = command();
        command.outcome = "failure";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.out()).contains("auth.login.failed", "bob-name (bob)", "page 1 of 1, 1 entry")
                .doesNotContain("auth.login.succeeded");
    }

    @Test
    void badFiltersAndMissingPermissionAreOneErrorLine() {
        AuditSearchCommand command = command();
        command.from = "yesterday";
        assertThat(ShellOutput.run(command).err()).contains("from: must be an ISO-8601 instant");

        caller = new Caller("alice", "Alice", Set.of("sales"), true);
        assertThat(ShellOutput.run(command()).err()).contains("audit:read");
    }
}
