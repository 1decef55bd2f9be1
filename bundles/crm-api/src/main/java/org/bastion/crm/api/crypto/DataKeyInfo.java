package org.bastion.crm.api.crypto;

import java.time.Instant;

/**
 * One version of a key, as {@code crm:key-list} and {@code GET /api/v1/keys} show it; never its material.
 *
 * @param id {@code <purpose>-v<version>}, such as {@code field-v2}
 * @param purpose what the key is for
 * @param version its version within the purpose, from 1
 * @param state whether it is used for new data, still read, or retired
 * @param createdAt when it was made
 * @param retiredAt when it stopped being used, or null
 * @param masterVersion the master key version wrapping it (0 for the master key itself)
 * @param recordsUsing how many records depend on it: record keys for {@code field}, indexed records for
 *        {@code blind-index}, data keys for {@code master}; -1 when not counted
 */
public record DataKeyInfo(String id, KeyPurpose purpose, int version, KeyState state, Instant createdAt,
                          Instant retiredAt, int masterVersion, long recordsUsing) {

    /** The life of a key version. */
    public enum KeyState {
        /** Used for new data. */
        ACTIVE,
        /** Being replaced by a rotation; still read. */
        RETIRING,
        /** No longer used for new data; kept only where old data (such as old backups) still needs it. */
        RETIRED
    }
}
