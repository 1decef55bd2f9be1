package org.bastion.crm.audit.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.bastion.crm.api.Caller;
import org.bastion.crm.audit.internal.query.AuditQueryService;
import org.bastion.crm.audit.internal.query.AuditTables;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.Test;

class AuditTailCommandTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Caller AUDITOR = new Caller("u-aud", "Auditor", Set.of("auditor"), true);

    private final AuditTables tables = new AuditTables();

    private AuditQueryService service() {
        return tables.queryService(() -> AUDITOR);
    }

    private AuditTailCommand command(int last, int count) {
        AuditTailCommand command = new AuditTailCommand();
        command.queries = service();
        command.last = last;
        command.count = count;
        command.pollMillis = 20;
        return command;
    }

    @Test
    void printsTheLastEntriesThenNewOnesAsTheyAreChained() throws Exception {
        tables.chained(T0, "alice", "auth.login.succeeded", "success");
        tables.chained(T0, "bob", "auth.login.failed", "failure");
        CompletableFuture<ShellOutput> tail = CompletableFuture.supplyAsync(() -> ShellOutput.run(command(1, 2)));
        Thread.sleep(100);
        tables.chained(T0.plusSeconds(5), "carol", "contact.created", "success");

        String out = tail.get(10, TimeUnit.SECONDS).out();

        assertThat(out).contains("auth.login.failed", "contact.created", "Stopped after 2 entries")
                .doesNotContain("auth.login.succeeded");
    }

    @Test
    void anInterruptStopsItCleanly() throws Exception {
        AtomicReference<ShellOutput> result = new AtomicReference<>();
        Thread thread = new Thread(() -> result.set(ShellOutput.run(command(0, -1))));
        thread.start();
        Thread.sleep(100);

        thread.interrupt();
        thread.join(5000);

        assertThat(thread.isAlive()).isFalse();
        assertThat(result.get().failed()).isFalse();
        assertThat(result.get().out()).contains("Stopped after 0 entries");
    }
}
