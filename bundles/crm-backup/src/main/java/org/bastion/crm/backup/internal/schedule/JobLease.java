package org.bastion.crm.backup.internal.schedule;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import org.bastion.crm.support.jdbc.Sql;

/**
 * The cluster-wide lease of a scheduled job in {@code crm_backup_job}: every node fires at each scheduled time, and
 * the one whose conditional UPDATE moves {@code next_run_at} past it (the database's row lock lets exactly one win)
 * runs it, so one node backs up per scheduled time however many share the database.
 */
public final class JobLease {

    /** The scheduled backup's row. */
    public static final String BACKUP_JOB = "scheduled-backup";

    private final ScheduleDatabase database;
    private final String job;
    private final String node;

    public JobLease(ScheduleDatabase database, String job, String node) {
        this.database = database;
        this.job = job;
        this.node = node;
    }

    /**
     * Points the job at its next run under a new schedule (creating its row the first time).
     *
     * @param next the new schedule's next fire time
     */
    public void reset(Instant next) {
        database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE crm_backup_job SET next_run_at = ? WHERE job = ?")) {
                Sql.setInstant(update, 1, next);
                update.setString(2, job);
                if (update.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO crm_backup_job (job, next_run_at, holder) VALUES (?, ?, ?)")) {
                insert.setString(1, job);
                Sql.setInstant(insert, 2, next);
                insert.setString(3, node);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!Sql.isConstraintViolation(e)) {
                    throw e;
                }
            }
            return null;
        });
    }

    /**
     * Claims the run due at {@code now} for this node, moving the job's next run to {@code next}.
     *
     * @return whether this node won the run (false: not due, or another node claimed it)
     */
    public boolean claim(Instant now, Instant next) {
        return database.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE crm_backup_job "
                    + "SET next_run_at = ?, holder = ? WHERE job = ? AND next_run_at <= ?")) {
                Sql.setInstant(statement, 1, next);
                statement.setString(2, node);
                statement.setString(3, job);
                Sql.setInstant(statement, 4, now);
                return statement.executeUpdate() == 1;
            }
        });
    }
}
