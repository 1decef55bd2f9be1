package org.bastion.crm.crypto.internal.rest;

import java.time.Instant;

import org.bastion.crm.api.crypto.DataKeyInfo;

/**
 * One key version in {@code GET /api/v1/keys}: {@link DataKeyInfo} with its purpose by wire name; never key material.
 *
 * @param id {@code <purpose>-v<version>}, such as {@code field-v2}
 * @param purpose {@code master}, {@code field}, {@code blind-index} or {@code backup}
 * @param version the version within the purpose, from 1
 * @param state ACTIVE, RETIRING or RETIRED
 * @param createdAt when it was made
 * @param retiredAt when it stopped being used; absent while it is used
 * @param masterVersion the master key version wrapping it (0 for the master key itself)
 * @param recordsUsing how many records depend on it; -1 when not counted
 */
public record KeyVersionBody(String id, String purpose, int version, DataKeyInfo.KeyState state, Instant createdAt,
                             Instant retiredAt, int masterVersion, long recordsUsing) {

    /** The body of {@code key}. */
    static KeyVersionBody of(DataKeyInfo key) {
        return new KeyVersionBody(key.id(), key.purpose().wireName(), key.version(), key.state(), key.createdAt(),
                key.retiredAt(), key.masterVersion(), key.recordsUsing());
    }
}
