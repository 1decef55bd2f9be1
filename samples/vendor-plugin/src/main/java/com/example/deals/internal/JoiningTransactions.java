package com.example.deals.internal;

import java.util.function.Supplier;

import javax.transaction.Status;
import javax.transaction.SystemException;
import javax.transaction.TransactionManager;

import org.bastion.crm.api.ServiceUnavailableException;

/**
 * {@link Transactions} that join the caller's JTA transaction or begin one ("Required"), through the container's
 * transaction manager, like the platform's own JDBC bundles do (ADR 13; no exported JDBC support exists yet, so a
 * plain-JDBC vendor bundle keeps these few lines itself): connections of the {@code crm} datasource
 * and crm-crypto's record keys taken inside {@link #required} join one transaction, so a deal and its key are
 * written or removed together.
 */
final class JoiningTransactions implements Transactions {

    private final TransactionManager manager;

    JoiningTransactions(TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public <T> T required(Supplier<T> work) {
        try {
            if (manager.getStatus() != Status.STATUS_NO_TRANSACTION) {
                return work.get();
            }
            manager.begin();
        } catch (SystemException | javax.transaction.NotSupportedException e) {
            throw new ServiceUnavailableException("the transaction manager refused to start a transaction");
        }
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            rollBack();
            throw e;
        }
        try {
            manager.commit();
        } catch (Exception e) {
            throw new ServiceUnavailableException("the change could not be committed; nothing was stored");
        }
        return result;
    }

    private void rollBack() {
        try {
            manager.rollback();
        } catch (SystemException | IllegalStateException | SecurityException e) {
            // the work's own failure is what the caller must see
        }
    }
}
