package org.bastion.crm.testing;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.bastion.crm.support.jdbc.SqlWork;
import org.bastion.crm.support.jdbc.Transactions;

/**
 * {@link Transactions} with JDBC local transactions on a plain datasource, for unit tests on in-memory H2 only: it
 * commits and switches auto-commit by hand, which is wrong wherever a JTA transaction can exist; in the container a
 * bundle uses crm-jdbc-support's {@code JoiningTransactions}.
 */
public final class LocalTransactions implements Transactions {

    private final DataSource dataSource;

    public LocalTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        }
    }

    @Override
    public <T> T write(SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
