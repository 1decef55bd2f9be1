package org.bastion.crm.itests.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.Await;

/**
 * One crash round: the writers write, the Karaf JVM is killed with {@code SIGKILL} once a random number of writes has
 * been acknowledged, Karaf starts again on the same data, and everything the {@link Ledger} holds is checked, with
 * the schema (every bundle's migrations recorded) and the admin's session. Returns the problems it found.
 */
public final class CrashRound {

    /** Writing clients of contacts and companies; one more writes security changes. */
    public static final int CONTACT_WRITERS = 4;

    private static final Duration WRITE_TIMEOUT = Duration.ofMinutes(3);

    private final CrashSuiteRule suite;
    private final List<ContactWriter> contactWriters = new ArrayList<>();
    private final SecurityWriter securityWriter;
    private final Map<String, TreeSet<Integer>> shippedSchema;

    /** Rounds on the suite's CRM, with writers that keep their records from round to round. */
    public CrashRound(CrashSuiteRule suite, String runId) {
        this.suite = suite;
        for (int i = 1; i <= CONTACT_WRITERS; i++) {
            contactWriters.add(new ContactWriter(suite.ledger(), runId + "w" + i));
        }
        securityWriter = new SecurityWriter(suite.admin().token(), suite.ledger());
        shippedSchema = SchemaVersions.shipped(suite.runtime().folder());
    }

    /** Runs one round; returns what it found lost or inconsistent (empty when nothing). */
    public List<String> run() {
        CrashRuntime runtime = suite.runtime();
        Ledger ledger = suite.ledger();
        int round = suite.nextRound();
        ledger.beginRound(round);
        int target = 30 + ThreadLocalRandom.current().nextInt(170);
        List<Thread> threads = new ArrayList<>();
        ApiClients clients = runtime.clients();
        for (ContactWriter writer : contactWriters) {
            writer.resume(clients.withToken(suite.admin().token()));
            threads.add(new Thread(writer, "crash-contacts-" + threads.size()));
        }
        securityWriter.resume(clients.anonymous());
        threads.add(new Thread(securityWriter, "crash-security"));
        long started = System.nanoTime();
        threads.forEach(Thread::start);
        Await.until("round " + round + ": " + target + " acknowledged writes, 3 of them security writes", WRITE_TIMEOUT,
                ledger::acknowledgedCount, count -> count >= target && ledger.securityCount() >= 3);
        long killedAt = runtime.kill("round " + round + " after " + ledger.acknowledgedCount() + " acknowledged writes");
        contactWriters.forEach(ContactWriter::stop);
        securityWriter.stop();
        join(threads);
        int unansweredCreates = suite.addUnansweredCreates(ledger.unansweredCreateCount());
        runtime.note(String.format("round %d: %d writes acknowledged (%d security) in %d ms, %d unanswered; target %d",
                round, ledger.acknowledgedCount(), ledger.securityCount(), (killedAt - started) / 1_000_000,
                ledger.unansweredCount(), target));

        Duration restart = runtime.restart(suite.admin().token());
        long checkStarted = System.nanoTime();
        List<String> problems = new ArrayList<>(ledger.takeUnexpected());
        ApiResponse me = clients.withToken(suite.admin().token()).get("/auth/me");
        if (me.status() != 200) {
            problems.add("round " + round + ": the admin's token from before the kill is refused: " + me.describe());
            return problems;
        }
        problems.addAll(new AfterCrashChecks(clients, suite.admin().token(), round, killedAt)
                .check(ledger, unansweredCreates));
        SchemaVersions.differences(shippedSchema, SchemaVersions.applied(runtime, suite.admin().consoleCode()))
                .forEach(difference -> problems.add("round " + round + ": schema: " + difference));
        runtime.note(String.format("round %d: restart to healthy %d ms, checks %d ms, %d contacts, %d companies,"
                        + " %d sessions, %d users in the ledger: %s", round, restart.toMillis(),
                (System.nanoTime() - checkStarted) / 1_000_000, ledger.contacts().size(), ledger.companies().size(),
                ledger.sessions().size(), ledger.users().size(),
                problems.isEmpty() ? "nothing lost" : problems.size() + " problems"));
        problems.forEach(problem -> runtime.note("  " + problem));
        return problems;
    }

    private static void join(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofMinutes(1).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the writers", e);
            }
            if (thread.isAlive()) {
                throw new AssertionError(thread.getName() + " did not stop within a minute after the kill");
            }
        }
    }
}
