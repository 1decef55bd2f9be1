package org.bastion.crm.crypto.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

import javax.sql.DataSource;
import javax.transaction.HeuristicMixedException;
import javax.transaction.HeuristicRollbackException;
import javax.transaction.InvalidTransactionException;
import javax.transaction.NotSupportedException;
import javax.transaction.RollbackException;
import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.SystemException;
import javax.transaction.Transaction;
import javax.transaction.TransactionManager;

import org.bastion.crm.support.jdbc.SqlWork;

/**
 * {@link Transactions} that can run work apart from its caller (JTA "RequiresNew"): {@link #inNewTransaction}
 * suspends whatever transaction the calling thread has, begins a new one with the {@link TransactionManager}, takes its
 * connection inside it, commits or rolls back through the manager, then resumes the suspended transaction. The
 * crypto bundle needs that for work of its own that must not commit or roll back with the request that triggered it
 * (rotation batches, first-unlock key creation, master re-wrap). {@link #inCallerContext} simply takes a connection,
 * joining the caller's transaction or auto-committing when there is none. It works on the container's {@code crm}
 * datasource, a pax-jdbc pooled XA datasource whose connections enlist in the thread's transaction: connections are
 * never committed, rolled back or switched out of auto-commit by hand, which an enlisted XA connection forbids.
 * Every other bundle joins (crm-jdbc-support's {@code JoiningTransactions}, crm-jpa-support's
 * {@code RefusalCarryingTemplate}).
 */
public final class SeparateTransactions implements Transactions {

    private final TransactionManager transactionManager;
    private final DataSource dataSource;

    public SeparateTransactions(TransactionManager transactionManager, DataSource dataSource) {
        this.transactionManager = transactionManager;
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
        Transaction suspended = suspend();
        try {
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
            throw new SQLException("the crypto transaction failed: " + e.getClass().getSimpleName(), e);
        } finally {
            resume(suspended);
        }
    }

    @Override
    public void afterCompletion(Consumer<Boolean> callback) {
        try {
            Transaction transaction = transactionManager.getTransaction();
            if (transaction == null || transaction.getStatus() == Status.STATUS_NO_TRANSACTION) {
                callback.accept(Boolean.TRUE);
                return;
            }
            transaction.registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing to do before the transaction ends
                }

                @Override
                public void afterCompletion(int status) {
                    callback.accept(status == Status.STATUS_COMMITTED);
                }
            });
        } catch (SystemException | RollbackException | IllegalStateException e) {
            // the transaction is ending or marked for rollback: treat it as ended now
            callback.accept(Boolean.FALSE);
        }
    }

    private Transaction suspend() throws SQLException {
        try {
            return transactionManager.getTransaction() == null ? null : transactionManager.suspend();
        } catch (SystemException e) {
            throw new SQLException("cannot suspend the caller's transaction", e);
        }
    }

    private void resume(Transaction suspended) throws SQLException {
        if (suspended == null) {
            return;
        }
        try {
            transactionManager.resume(suspended);
        } catch (InvalidTransactionException | SystemException e) {
            throw new SQLException("cannot resume the caller's transaction", e);
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
