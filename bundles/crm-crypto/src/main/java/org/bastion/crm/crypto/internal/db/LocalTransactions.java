package org.bastion.crm.crypto.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

import javax.sql.DataSource;

/**
 * {@link Transactions} on a plain (non-XA) datasource with JDBC local transactions. Only correct where no global
 * (JTA) transaction can exist, as in the unit tests on an in-memory H2 datasource: on the container's XA datasource a
 * connection may be enlisted in a caller's JTA transaction, and its auto-commit must not be touched there; the bundle
 * uses {@link JtaTransactions} in the container.
 */
public final class LocalTransactions implements Transactions {

    private final DataSource dataSource;

    public LocalTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T inCallerContext(SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        }
    }

    @Override
    public <T> T inNewTransaction(SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    @Override
    public void afterCompletion(Consumer<Boolean> callback) {
        callback.accept(Boolean.TRUE);
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
