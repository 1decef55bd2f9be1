package org.bastion.crm.audit.internal.chain;

import java.time.Instant;

/**
 * One row of {@code crm_audit_entry} as stored: the entry's facts, its canonical details and changes, and (once
 * chained) its sequence number and hashes.
 *
 * @param id the row id (insertion order; 0 before insertion)
 * @param sequence the place in the chain, or null while unchained
 * @param recordedAt when it was recorded, to the microsecond
 * @param targetKind null when the entry has no target
 * @param targetId null when the entry has no target
 * @param outcome the outcome's wire name
 * @param details canonical JSON object of strings
 * @param changes canonical JSON array of change objects
 * @param prevHash the previous entry's hash, or null while unchained
 * @param entryHash this entry's hash, or null while unchained
 */
public record EntryRow(long id, Long sequence, Instant recordedAt, String actorId, String actorName, String channel,
        String address, String action, String targetKind, String targetId, String outcome, String details,
        String changes, String prevHash, String entryHash) {

    /** This row linked at {@code sequenceNo} after {@code previousHash}, with its hash computed. */
    public EntryRow chained(long sequenceNo, String previousHash) {
        EntryRow linked = new EntryRow(id, sequenceNo, recordedAt, actorId, actorName, channel, address, action,
                targetKind, targetId, outcome, details, changes, previousHash, null);
        return linked.withHash(EntryForm.hash(linked));
    }

    private EntryRow withHash(String hash) {
        return new EntryRow(id, sequence, recordedAt, actorId, actorName, channel, address, action, targetKind,
                targetId, outcome, details, changes, prevHash, hash);
    }
}
