package org.bastion.crm.crypto.internal.rest;

import java.util.List;

import org.bastion.crm.api.crypto.KeyStatus;

/**
 * The body of {@code GET /api/v1/keys}.
 *
 * @param status whether the keys are usable ({@code state}, {@code detail}, {@code masterVersion})
 * @param keys every key version, master key first, then by purpose and version; empty while the keys are locked
 * @param rotations the rotations since the crypto bundle started, newest first
 */
public record KeysBody(KeyStatus status, List<KeyVersionBody> keys, List<RotationBody> rotations) {

    public KeysBody {
        keys = List.copyOf(keys);
        rotations = List.copyOf(rotations);
    }
}
