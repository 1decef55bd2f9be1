package org.bastion.crm.audit.internal.verify;

/**
 * What a verification of the whole chain found.
 *
 * @param ok whether every entry and every checkpoint is intact
 * @param entries how many chained entries were checked
 * @param checkpoints how many checkpoint signatures were checked
 * @param headSequence the chain head's sequence number
 * @param failedAt the sequence number of the first entry found changed, removed, reordered or inserted, or null
 * @param problem what is wrong there, or null
 * @param millis how long it took
 */
public record VerificationResult(boolean ok, long entries, long checkpoints, long headSequence, Long failedAt,
        String problem, long millis) {
}
