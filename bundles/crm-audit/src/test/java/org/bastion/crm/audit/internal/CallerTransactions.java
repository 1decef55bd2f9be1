package org.bastion.crm.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.bastion.crm.support.jdbc.SqlWork;
import org.bastion.crm.support.jdbc.Transactions;

/**
 * Transactions like JoiningTransactions on in-memory H2: a test {@link #begin begins} a caller's transaction on its
 * thread, writes join it, and {@link #commit} or {@link #rollback} ends it; without one a write commits on its own.
 */
public final class CallerTransactions implements Transactions {

    private final DataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    public CallerTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Starts the calling thread's transaction. */
    public void begin() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        current.set(connection);
    }

    public void commit() throws SQLException {
        try (Connection connection = current.get()) {
            connection.commit();
        } finally {
            current.remove();
        }
    }

    public void rollback() throws SQLException {
        try (Connection connection = current.get()) {
            connection.rollback();
        } finally {
            current.remove();
        }
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        Connection joined = current.get();
        if (joined != null) {
            return work.apply(joined);
        }
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        }
    }

    @Override
    public <T> T write(SqlWork<T> work) throws SQLException {
        Connection joined = current.get();
        if (joined != null) {
            return work.apply(joined);
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
