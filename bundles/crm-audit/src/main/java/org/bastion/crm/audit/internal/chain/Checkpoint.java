package org.bastion.crm.audit.internal.chain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed checkpoint: the audit-signing key's signature (Ed25519) over the UTF-8 bytes of
 * {@code "<sequence_no>:<entry_hash>"} of a chained entry.
 *
 * @param signature base64 (standard alphabet, padded) of the 64-byte signature
 */
public record Checkpoint(long sequence, String entryHash, Instant signedAt, int keyVersion, String signature) {

    /** The bytes a checkpoint signs. */
    public static byte[] message(long sequence, String entryHash) {
        return (sequence + ":" + entryHash).getBytes(StandardCharsets.UTF_8);
    }
}
