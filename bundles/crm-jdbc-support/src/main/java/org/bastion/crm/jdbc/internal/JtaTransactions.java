package org.bastion.crm.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;
import javax.transaction.HeuristicMixedException;
import javax.transaction.HeuristicRollbackException;
import javax.transaction.NotSupportedException;
import javax.transaction.RollbackException;
import javax.transaction.Status;
import javax.transaction.SystemException;
import javax.transaction.TransactionManager;

/**
 * {@link Transactions} on the container's {@code crm} datasource, a pooled XA datasource whose connections enlist in
 * the JTA transaction of the calling thread: a write joins the caller's transaction or begins and ends its own through
 * the {@link TransactionManager}; connections are never committed or switched out of auto-commit by hand.
 */
public final class JtaTransactions implements Transactions {

    private final TransactionManager transactionManager;
    private final DataSource dataSource;

    public JtaTransactions(TransactionManager transactionManager, DataSource dataSource) {
        this.transactionManager = transactionManager;
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
        try {
            if (transactionManager.getStatus() == Status.STATUS_ACTIVE) {
                return read(work);
            }
            transactionManager.begin();
            T result;
            try (Connection connection = dataSource.getConnection()) {
                result = work.apply(connection);
            } catch (SQLException | RuntimeException | Error e) {
                rollback(e);
                throw e;
            }
            transactionManager.commit();
            return result;
        } catch (NotSupportedException | SystemException | RollbackException | HeuristicMixedException
                 | HeuristicRollbackException e) {
            throw new SQLException("the transaction failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private void rollback(Throwable cause) {
        try {
            if (transactionManager.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transactionManager.rollback();
            }
        } catch (SystemException | IllegalStateException | SecurityException e) {
            cause.addSuppressed(e);
        }
    }
}
