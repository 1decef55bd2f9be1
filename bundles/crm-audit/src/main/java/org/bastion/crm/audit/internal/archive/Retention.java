package org.bastion.crm.audit.internal.archive;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.bastion.crm.api.crypto.SigningKeys;
import org.bastion.crm.audit.internal.verify.ChainVerifier;
import org.bastion.crm.audit.internal.verify.VerificationResult;
import org.bastion.crm.support.jdbc.Transactions;

/**
 * One retention run: on the one node that claims the day's run, verify the whole chain, then archive the entries older
 * than the retention period. A chain that does not verify is never archived (the damage would leave the database
 * with it): the run stops with one log line naming the first bad entry and retries in an hour, like a failed run.
 */
final class Retention {

    /** The job's name in {@code crm_audit_job_schedule}. */
    static final String JOB = "archive";
    static final Duration PERIOD = Duration.ofDays(1);
    static final Duration RETRY = Duration.ofHours(1);

    private static final System.Logger LOG = System.getLogger(Retention.class.getName());

    private final Transactions transactions;
    private final Archiver archiver;
    private final Supplier<SigningKeys> keys;
    private final Clock clock;
    private final String node;
    private final Consumer<Archiver.Result> archived;

    Retention(Transactions transactions, Archiver archiver, Supplier<SigningKeys> keys, Clock clock, String node,
            Consumer<Archiver.Result> archived) {
        this.transactions = transactions;
        this.archiver = archiver;
        this.keys = keys;
        this.clock = clock;
        this.node = node;
        this.archived = archived;
    }

    /** Runs when the day's run is due and this node claims it; empty when it did not run or archived nothing. */
    Optional<Archiver.Result> runIfDue(int retentionDays) {
        Instant now = clock.instant();
        try {
            if (!transactions.write(connection -> JobSchedule.claim(connection, JOB, node, now, now.plus(PERIOD)))) {
                return Optional.empty();
            }
            return run(retentionDays, now);
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Audit retention failed (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); retrying in an hour");
            retryLater(now);
            return Optional.empty();
        }
    }

    /** Makes the next check run at once (the retention period changed). */
    void dueNow() {
        try {
            transactions.write(connection -> {
                JobSchedule.reschedule(connection, JOB, clock.instant());
                return null;
            });
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "Audit retention: the schedule could not be reset (SQL state "
                    + e.getSQLState() + ")");
        }
    }

    private Optional<Archiver.Result> run(int retentionDays, Instant now) throws SQLException {
        SigningKeys signing = keys.get();
        if (signing == null) {
            LOG.log(System.Logger.Level.WARNING, "Audit retention postponed: no audit-signing keys to verify the "
                    + "chain with; retrying in an hour");
            retryLater(now);
            return Optional.empty();
        }
        VerificationResult verified = new ChainVerifier(transactions).verify(signing, entries -> { });
        if (!verified.ok()) {
            LOG.log(System.Logger.Level.WARNING, "Audit retention refused: the chain does not verify at entry "
                    + verified.failedAt() + " (" + verified.problem() + "); nothing was archived");
            retryLater(now);
            return Optional.empty();
        }
        Optional<Archiver.Result> result = archiver.archiveBefore(now.minus(Duration.ofDays(retentionDays)));
        result.ifPresent(done -> {
            LOG.log(System.Logger.Level.INFO, "Audit retention archived entries " + done.from() + " to "
                    + done.through() + " into " + done.file());
            archived.accept(done);
        });
        return result;
    }

    private void retryLater(Instant now) {
        try {
            transactions.write(connection -> {
                JobSchedule.reschedule(connection, JOB, now.plus(RETRY));
                return null;
            });
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "Audit retention: the retry could not be scheduled (SQL state "
                    + e.getSQLState() + ")");
        }
    }
}
