package org.bastion.crm.crypto.internal.db;

import java.time.Instant;

import org.bastion.crm.api.crypto.DataKeyInfo.KeyState;
import org.bastion.crm.api.crypto.KeyPurpose;

/**
 * One row of {@code crm_data_key}: a data key version, wrapped by a master key version.
 *
 * @param purpose what the key is for (never {@link KeyPurpose#MASTER})
 * @param version its version within the purpose
 * @param masterVersion the master key version wrapping it
 * @param wrapped the key, wrapped with RFC 5649
 * @param state active, retiring or retired
 * @param createdAt when it was made
 * @param retiredAt when it was retired, or null
 */
public record DataKeyRow(KeyPurpose purpose, int version, int masterVersion, byte[] wrapped, KeyState state,
                         Instant createdAt, Instant retiredAt) {

    /** The id shown to operators, such as {@code field-v2}. */
    public String id() {
        return purpose.wireName() + "-v" + version;
    }
}
