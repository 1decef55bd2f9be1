package org.bastion.crm.api.audit;

import java.util.Objects;
import java.util.function.Supplier;

import org.bastion.crm.api.ServiceUnavailableException;

/**
 * What a recording bundle holds instead of the {@link AuditLog} itself: records through the log when crm-audit is
 * installed; while it is not, lets changes go on unrecorded, or refuses them with 503 when the {@link AuditPolicy}
 * requires an audit trail. Give it the bundle's optional, dynamic references, such as
 * {@code new AuditRecorder(() -> auditLog, () -> auditPolicy)}.
 */
public final class AuditRecorder {

    /** The detail of the 503 answered while an audit trail is required and missing. */
    public static final String UNAVAILABLE = "The audit trail is not available and changes must be audited; try again later.";

    private final Supplier<AuditLog> log;
    private final Supplier<AuditPolicy> policy;

    public AuditRecorder(Supplier<AuditLog> log, Supplier<AuditPolicy> policy) {
        this.log = Objects.requireNonNull(log, "log");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** A recorder that records nothing and requires nothing (for tests and bundles started without audit). */
    public static AuditRecorder none() {
        return new AuditRecorder(() -> null, () -> null);
    }

    /**
     * Refuses a change before it starts when an audit trail is required and none is installed.
     *
     * @throws ServiceUnavailableException then
     */
    public void checkChangesAllowed() {
        if (log.get() == null && required()) {
            throw new ServiceUnavailableException(UNAVAILABLE);
        }
    }

    /**
     * Records the entry of a change in the current transaction ({@link AuditLog#record}); without a log, records
     * nothing unless one is required.
     *
     * @throws ServiceUnavailableException when a log is required and missing, or cannot write the entry
     */
    public void change(AuditEntry entry) {
        AuditLog current = log.get();
        if (current == null) {
            checkChangesAllowed();
            return;
        }
        current.record(entry);
    }

    /** Queues the entry of a read or a denial ({@link AuditLog#recordLater}); without a log, records nothing. */
    public void later(AuditEntry entry) {
        AuditLog current = log.get();
        if (current != null) {
            current.recordLater(entry);
        }
    }

    /** Whether an audit log is installed now. */
    public boolean active() {
        return log.get() != null;
    }

    private boolean required() {
        AuditPolicy current = policy.get();
        return current != null && current.required();
    }
}
