package org.bastion.crm.api.audit;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The audit trail: one entry per security-relevant action, chained and signed so that a changed, removed, reordered
 * or inserted entry is detected. Provided by crm-audit; bundles call it through an {@link AuditRecorder}.
 *
 * <p>The actor of an entry without one is the current caller ({@link org.bastion.crm.api.CallerContext}) with the
 * channel and address of its request. Values of personal fields in {@link FieldChange}s are stored encrypted under
 * the record key they name, so crypto-shredding that record makes them unreadable while the trail still verifies.
 */
@ProviderType
public interface AuditLog {

    /**
     * Records the entry of a change. Inside a JTA transaction on the {@code crm} datasource the entry joins it: it is
     * committed with the change and gone when the change rolls back. Outside a transaction it is written at once.
     *
     * @throws org.bastion.crm.api.ServiceUnavailableException when the entry cannot be written (the caller's
     *         transaction must then roll back: a committed change never lacks its entry)
     * @throws IllegalArgumentException when the entry is not valid (see {@link AuditEntry})
     */
    void record(AuditEntry entry);

    /**
     * Queues the entry of a read of personal data or of a denied access, written with others in a batch within about
     * a second, independent of any transaction. Never drops it: while the queue is full the call waits for room.
     */
    void recordLater(AuditEntry entry);

    /**
     * How far the trail is behind on this node, for health and metrics.
     *
     * @param queued entries queued by {@link #recordLater} and not yet written
     * @param unchained entries written (by any node) but not yet linked into the chain
     */
    record Backlog(long queued, long unchained) {
    }

    /** The backlog now; never throws (answers what it last knew when the database is unreachable). */
    Backlog backlog();
}
