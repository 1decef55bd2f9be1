package org.bastion.crm.backup.internal.schedule;

import java.sql.SQLException;

import org.bastion.crm.support.jdbc.SqlWork;
import org.bastion.crm.support.jdbc.Transactions;

/**
 * The backup tables as the schedules, retention and health use them (on the bundle's {@code BackupDatabase}
 * transactions): SQL failures surface as {@link IllegalStateException} naming the SQL state.
 */
public final class ScheduleDatabase {

    private final Transactions transactions;

    public ScheduleDatabase(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Runs read-only work in the caller's context. */
    public <T> T read(SqlWork<T> work) {
        try {
            return transactions.read(work);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs work in a transaction (the caller's, or a new one). */
    public <T> T write(SqlWork<T> work) {
        try {
            return transactions.write(work);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("backup database error (SQL state " + e.getSQLState() + ")", e);
    }
}
