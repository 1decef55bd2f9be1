package org.bastion.crm.itests.crash;

import java.time.Duration;
import java.util.function.Consumer;
import org.junit.rules.ExternalResource;

/**
 * The CRM process of one crash suite, as a JUnit class rule: unpacks the distribution once, lets the suite configure
 * its database, starts it, logs the admin in, and stops it after the suite. Holds the {@link Ledger} the suite's tests
 * share, so every later check also covers what earlier tests had acknowledged.
 */
public final class CrashSuiteRule extends ExternalResource {

    /** The crypto bundle re-wraps this many record keys per transaction, so a rotation takes many batches to kill in. */
    public static final int ROTATION_BATCH_SIZE = 2;

    private final String suiteName;
    private final Consumer<RuntimeFolder> database;
    private final Ledger ledger = new Ledger();
    private CrashRuntime runtime;
    private AdminOfProcess admin;
    private Duration firstStart;
    private int unansweredCreates;
    private int round;

    /** A rule for the suite {@code suiteName} whose database {@code database} configures in the unpacked folder. */
    public CrashSuiteRule(String suiteName, Consumer<RuntimeFolder> database) {
        this.suiteName = suiteName;
        this.database = database;
    }

    @Override
    protected void before() {
        runtime = CrashRuntime.unpack(suiteName);
        try {
            database.accept(runtime.folder());
            runtime.folder().put("org.bastion.crm.crypto.cfg", "rotationBatchSize", Integer.toString(ROTATION_BATCH_SIZE));
            firstStart = runtime.startAndAwaitHealthy();
            admin = AdminOfProcess.logIn(runtime.clients(), runtime.adminPassword());
        } catch (RuntimeException | Error e) {
            // JUnit runs after() only when before() succeeded: never leave the process behind
            runtime.close();
            throw e;
        }
    }

    @Override
    protected void after() {
        if (runtime != null) {
            runtime.close();
        }
    }

    /** The running CRM. */
    public CrashRuntime runtime() {
        return runtime;
    }

    /** The logged-in first admin. */
    public AdminOfProcess admin() {
        return admin;
    }

    /** The writes acknowledged so far in this suite. */
    public Ledger ledger() {
        return ledger;
    }

    /** How long the first start (fresh unpack to healthy) took. */
    public Duration firstStart() {
        return firstStart;
    }

    /** The number of the next round (1, 2, ...), counted across the suite's tests. */
    public synchronized int nextRound() {
        return ++round;
    }

    /** Adds creates that went unanswered (they may exist without the ledger knowing their ids); returns the total. */
    public synchronized int addUnansweredCreates(int count) {
        unansweredCreates += count;
        return unansweredCreates;
    }
}
