package org.bastion.crm.support.jpa;

import javax.transaction.Status;
import javax.transaction.SystemException;
import javax.transaction.TransactionManager;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.IntegrityException;
import org.bastion.crm.api.ServiceUnavailableException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A {@link JpaTemplate} that carries a refusal out of the transactional work instead of throwing it through the
 * container's template: the transaction is marked rollback-only, the work returns normally, the template ends the
 * transaction (a rollback, not a failure) and the refusal is thrown once the template has returned.
 *
 * <p>A refusal is a {@link CrmException} answered with a 4xx (not found, conflict, stale version, forbidden, invalid)
 * or what the database refuses for the same reasons (an integrity violation, a lost optimistic lock), which the
 * repositories translate. Failed integrity checks and unavailable keys are failures of the server, not refusals.
 * Aries' template logs every exception that crosses it as a WARN and an INFO with the whole stack trace, so each
 * refused request would write about 140 lines to the log; real failures still cross it and are logged as before.
 */
public final class RefusalCarryingTemplate extends TypedJpaTemplate {

    /** Marks the calling thread's transaction, if any, rollback-only. */
    @FunctionalInterface
    @ConsumerType
    public interface RollbackMarker {

        /** Marks the active transaction rollback-only; does nothing without one. */
        void markRollbackOnly();
    }

    private final JpaTemplate delegate;
    private final RollbackMarker rollbackMarker;

    /** Wraps {@code delegate}; {@code rollbackMarker} ends a refused transaction in rollback. */
    public RefusalCarryingTemplate(JpaTemplate delegate, RollbackMarker rollbackMarker) {
        this.delegate = delegate;
        this.rollbackMarker = rollbackMarker;
    }

    /** Wraps {@code delegate}, marking refused transactions rollback-only through {@code transactionManager}. */
    public RefusalCarryingTemplate(JpaTemplate delegate, TransactionManager transactionManager) {
        this(delegate, () -> markRollbackOnly(transactionManager));
    }

    /** Whether a failure of transactional work is a refusal of the request rather than a failure of the server. */
    public static boolean isRefusal(RuntimeException failure) {
        if (failure instanceof IntegrityException || failure instanceof ServiceUnavailableException) {
            return false;
        }
        return failure instanceof CrmException || PersistenceFailures.isOptimisticLockFailure(failure)
                || PersistenceFailures.isIntegrityViolationAtAnyDepth(failure);
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        RuntimeException[] refusal = {null};
        R result = delegate.txExpr(type, em -> {
            try {
                return code.apply(em);
            } catch (RuntimeException e) {
                if (!isRefusal(e)) {
                    throw e;
                }
                rollbackMarker.markRollbackOnly();
                refusal[0] = e;
                return null;
            }
        });
        if (refusal[0] != null) {
            throw refusal[0];
        }
        return result;
    }

    private static void markRollbackOnly(TransactionManager transactionManager) {
        try {
            int status = transactionManager.getStatus();
            if (status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK) {
                transactionManager.setRollbackOnly();
            }
        } catch (SystemException | IllegalStateException e) {
            throw new IllegalStateException("cannot mark the refused transaction rollback-only", e);
        }
    }
}
