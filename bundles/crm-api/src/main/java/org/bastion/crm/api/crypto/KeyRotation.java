package org.bastion.crm.api.crypto;

import java.time.Instant;
import java.util.UUID;

/**
 * A key rotation and its progress.
 *
 * @param id the rotation's id
 * @param purpose which key is rotated
 * @param fromVersion the version being replaced
 * @param toVersion the new version
 * @param state running, completed or failed
 * @param total how many items (record keys, indexed records, data keys) it has to move: counted at the start, and
 *              raised if records written under the old version in the moment before the new one took over move too
 * @param done how many it has moved
 * @param startedAt when it started
 * @param finishedAt when it ended, or null while running
 * @param error why it failed, or null
 */
public record KeyRotation(UUID id, KeyPurpose purpose, int fromVersion, int toVersion, State state, long total,
                          long done, Instant startedAt, Instant finishedAt, String error) {

    /** The states of a rotation. */
    public enum State {
        /** Moving items in the background. */
        RUNNING,
        /** Every item uses the new version; the old one is retired. */
        COMPLETED,
        /** Stopped on an error; starting the rotation again resumes it. */
        FAILED
    }
}
