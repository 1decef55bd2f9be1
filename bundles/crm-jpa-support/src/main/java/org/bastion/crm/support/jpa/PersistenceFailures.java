package org.bastion.crm.support.jpa;

import java.sql.SQLException;

import javax.persistence.EntityExistsException;
import javax.persistence.OptimisticLockException;

import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.CrmException;

/**
 * Turns what JPA, the JDBC driver and the transaction manager throw into the CRM's errors: our own errors pass
 * through unwrapped, lost optimistic locks become "stale", and integrity violations (SQLState 23xxx) "conflict".
 * A repository calls {@link #translate} in the catch block around its transaction, after handling what it knows
 * better (such as a lost optimistic lock, which it answers with the version it saw).
 */
public final class PersistenceFailures {

    private PersistenceFailures() {
    }

    /** Whether the failure, at any depth, is a lost optimistic lock. */
    public static boolean isOptimisticLockFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t.getClass().getName().endsWith(".OptimisticException")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The CRM error a failure stands for, or the failure itself when it stands for none. */
    public static RuntimeException translate(RuntimeException failure, String conflictMessage) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CrmException crm) {
                return crm;
            }
            if (t instanceof EntityExistsException || isIntegrityViolation(t)) {
                return new ConflictException(conflictMessage);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return failure;
    }

    /** Whether the failure, at any depth, is an integrity violation (SQLState 23xxx). */
    public static boolean isIntegrityViolationAtAnyDepth(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EntityExistsException || isIntegrityViolation(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean isIntegrityViolation(Throwable t) {
        for (SQLException e = t instanceof SQLException s ? s : null; e != null; e = e.getNextException()) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
