package org.bastion.crm.backup.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.bastion.crm.backup.internal.engine.BackupFailure;
import org.bastion.crm.support.jdbc.Sql;
import org.bastion.crm.support.jdbc.Transactions;

/**
 * The one backup, restore or delete that may run at a time on every node sharing the database: a lease row
 * ({@value #JOB}) in {@code crm_backup_job}, taken by one conditional UPDATE (the row lock lets one node win), renewed
 * while the work runs and given back when it ends; a node that dies holding it loses it after {@link #TTL}.
 */
public final class OperationLease {

    /** The row's job name. */
    static final String JOB = "operation-lease";

    /** How long a lease lasts without renewal. */
    static final Duration TTL = Duration.ofSeconds(60);

    private static final System.Logger LOG = System.getLogger(OperationLease.class.getName());

    private final Transactions transactions;
    private final Clock clock;
    private final String node;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "crm-backup-lease");
        thread.setDaemon(true);
        return thread;
    });

    public OperationLease(Transactions transactions, Clock clock, String node) {
        this.transactions = transactions;
        this.clock = clock;
        this.node = node;
    }

    /**
     * Takes the lease for {@code operation} ({@code backup}, {@code restore}, {@code delete}).
     *
     * @throws BackupProblem BUSY (409) naming who holds it, when another operation runs on any node
     */
    public Held acquire(String operation) {
        String holder = Catalogue.cut(operation + " on " + node, 90) + " " + UUID.randomUUID().toString().substring(0, 8);
        Instant now = clock.instant();
        boolean won;
        try {
            won = insertOnce(holder, now) || transactions.write(c -> take(c, holder, now));
        } catch (SQLException e) {
            throw Catalogue.databaseFailure(e);
        }
        if (!won) {
            throw BackupProblem.of(BackupFailure.Reason.BUSY, "another backup or restore is running ("
                    + currentHolder() + "); try again when it has finished", null);
        }
        Held held = new Held(holder);
        long every = TTL.toMillis() / 4;
        held.renewal = renewals.scheduleWithFixedDelay(held::renew, every, every, TimeUnit.MILLISECONDS);
        return held;
    }

    /** Stops renewing leases (the component deactivates). */
    public void close() {
        renewals.shutdownNow();
    }

    /** Inserts the lease row when there is none yet (its own transaction: a lost race aborts only that one). */
    private boolean insertOnce(String holder, Instant now) throws SQLException {
        if (transactions.read(OperationLease::exists)) {
            return false;
        }
        try {
            return transactions.write(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO crm_backup_job (job, next_run_at, holder) VALUES (?, ?, ?)")) {
                    statement.setString(1, JOB);
                    Sql.setInstant(statement, 2, now.plus(TTL));
                    statement.setString(3, holder);
                    return statement.executeUpdate() == 1;
                }
            });
        } catch (SQLException e) {
            if (Sql.isConstraintViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM crm_backup_job WHERE job = ?")) {
            statement.setString(1, JOB);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private boolean take(Connection connection, String holder, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE crm_backup_job SET next_run_at = ?, holder = ? WHERE job = ? AND next_run_at <= ?")) {
            Sql.setInstant(statement, 1, now.plus(TTL));
            statement.setString(2, holder);
            statement.setString(3, JOB);
            Sql.setInstant(statement, 4, now);
            return statement.executeUpdate() == 1;
        }
    }

    private String currentHolder() {
        try {
            return transactions.read(c -> {
                try (PreparedStatement statement = c.prepareStatement(
                        "SELECT holder FROM crm_backup_job WHERE job = ?")) {
                    statement.setString(1, JOB);
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? rows.getString(1).replaceAll(" [0-9a-f]{8}$", "") : "unknown";
                    }
                }
            });
        } catch (SQLException e) {
            return "unknown";
        }
    }

    private int move(String holder, Instant until) throws SQLException {
        return transactions.write(c -> {
            try (PreparedStatement statement = c.prepareStatement(
                    "UPDATE crm_backup_job SET next_run_at = ? WHERE job = ? AND holder = ?")) {
                Sql.setInstant(statement, 1, until);
                statement.setString(2, JOB);
                statement.setString(3, holder);
                return statement.executeUpdate();
            }
        });
    }

    /** A lease this node holds; {@link #close()} gives it back. */
    public final class Held implements AutoCloseable {

        private final String holder;
        private volatile ScheduledFuture<?> renewal;

        private Held(String holder) {
            this.holder = holder;
        }

        void renew() {
            try {
                if (move(holder, clock.instant().plus(TTL)) == 0) {
                    LOG.log(System.Logger.Level.WARNING, "Backup: the operation lease was lost (" + holder + ")");
                }
            } catch (SQLException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Backup: the operation lease could not be renewed: " + e);
            }
        }

        @Override
        public void close() {
            ScheduledFuture<?> running = renewal;
            if (running != null) {
                running.cancel(false);
            }
            try {
                move(holder, Instant.EPOCH);
            } catch (SQLException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Backup: the operation lease could not be given back (it ends "
                        + "by itself within " + TTL.toSeconds() + " s): " + e);
            }
        }
    }
}
