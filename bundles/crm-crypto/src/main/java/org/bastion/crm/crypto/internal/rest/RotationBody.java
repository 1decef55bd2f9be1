package org.bastion.crm.crypto.internal.rest;

import java.time.Instant;
import java.util.UUID;

import org.bastion.crm.api.crypto.KeyRotation;

/**
 * A key rotation on the wire: {@link KeyRotation} with its purpose by wire name.
 *
 * @param id the rotation's id
 * @param purpose {@code master}, {@code field}, {@code blind-index} or {@code backup}
 * @param fromVersion the version being replaced
 * @param toVersion the new version
 * @param state RUNNING, COMPLETED or FAILED
 * @param total how many items it has to move, as counted at the start
 * @param done how many it has moved
 * @param startedAt when it started
 * @param finishedAt when it ended; absent while running
 * @param error why it failed; absent unless it failed
 */
public record RotationBody(UUID id, String purpose, int fromVersion, int toVersion, KeyRotation.State state, long total,
                           long done, Instant startedAt, Instant finishedAt, String error) {

    /** The body of {@code rotation}. */
    static RotationBody of(KeyRotation rotation) {
        return new RotationBody(rotation.id(), rotation.purpose().wireName(), rotation.fromVersion(),
                rotation.toVersion(), rotation.state(), rotation.total(), rotation.done(), rotation.startedAt(),
                rotation.finishedAt(), rotation.error());
    }
}
