package org.bastion.crm.audit.internal.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import org.bastion.crm.support.jdbc.Sql;

/**
 * The cluster-wide schedule of a job in {@code crm_audit_job_schedule}: a node claims a due run by moving
 * {@code next_run_at} forward in one conditional UPDATE; the database's row lock lets exactly one node win, so a job
 * runs on one node per period however many nodes share the database.
 */
final class JobSchedule {

    private JobSchedule() {
    }

    /**
     * Claims the run of {@code job} due at {@code now} for {@code node}, moving the next run to {@code next}.
     *
     * @return whether this node won the run (false: not due yet, or another node claimed it)
     */
    static boolean claim(Connection connection, String job, String node, Instant now, Instant next)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE crm_audit_job_schedule "
                + "SET next_run_at = ?, holder = ? WHERE job = ? AND next_run_at <= ?")) {
            Sql.setInstant(statement, 1, next);
            statement.setString(2, node);
            statement.setString(3, job);
            Sql.setInstant(statement, 4, now);
            return statement.executeUpdate() == 1;
        }
    }

    /** Moves the next run of {@code job} to {@code next} (a failed run retried sooner). */
    static void reschedule(Connection connection, String job, Instant next) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE crm_audit_job_schedule SET next_run_at = ? WHERE job = ?")) {
            Sql.setInstant(statement, 1, next);
            statement.setString(2, job);
            statement.executeUpdate();
        }
    }
}
