package org.bastion.crm.audit.internal;

import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.SystemException;
import javax.transaction.TransactionManager;

import org.bastion.crm.audit.internal.write.AuditLogService;

/**
 * Runs an action when the calling thread's JTA transaction completes (a JTA {@link Synchronization}), or at once when
 * there is none (or no transaction manager, in unit tests); if the synchronization cannot be registered the action is left to the chainer's poll.
 */
final class JtaAfterCommit implements AuditLogService.AfterCommit {

    private final TransactionManager transactionManager;

    JtaAfterCommit(TransactionManager transactionManager) {
        this.transactionManager = transactionManager;
    }

    @Override
    public void run(Runnable action) {
        try {
            if (transactionManager == null || transactionManager.getStatus() != Status.STATUS_ACTIVE) {
                action.run();
                return;
            }
            transactionManager.getTransaction().registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        action.run();
                    }
                }
            });
        } catch (SystemException | IllegalStateException | javax.transaction.RollbackException e) {
            // the chainer's poll links the entry a little later
        }
    }
}
