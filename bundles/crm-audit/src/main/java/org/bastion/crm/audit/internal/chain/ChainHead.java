package org.bastion.crm.audit.internal.chain;

/**
 * The head of the chain: the last chained entry's sequence number and hash, and how far entries left for archives.
 *
 * @param sequence the last chained sequence number (0 before the first entry)
 * @param hash that entry's hash ({@link EntryForm#GENESIS} before the first)
 * @param archivedThrough entries up to this sequence number left the database for archive files
 * @param archivedHash the hash of entry {@code archivedThrough} ({@link EntryForm#GENESIS} when none)
 */
public record ChainHead(long sequence, String hash, long archivedThrough, String archivedHash) {
}
