package org.bastion.crm.support.jdbc;

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
 * {@link Transactions} that join: a write runs in the calling thread's JTA transaction when one is active (it commits
 * or rolls back with the caller's work), else in a transaction it begins and ends itself through the
 * {@link TransactionManager} (JTA "Required"). It works on the container's {@code crm} datasource, a pooled XA
 * datasource whose connections enlist in the thread's transaction; connections are never committed or switched out
 * of auto-commit by hand. This is the way bundles with plain JDBC tables, vendors' included, run a transaction (bundles
 * with JPA entities use crm-jpa-support's {@code RefusalCarryingTemplate}, which joins the same way); crm-crypto's
 * {@code SeparateTransactions} is the one exception, for work that must commit apart from its caller.
 */
public final class JoiningTransactions implements Transactions {

    private final TransactionManager transactionManager;
    private final DataSource dataSource;

    /** Transactions through {@code transactionManager} on connections of {@code dataSource} (the {@code crm} one). */
    public JoiningTransactions(TransactionManager transactionManager, DataSource dataSource) {
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
