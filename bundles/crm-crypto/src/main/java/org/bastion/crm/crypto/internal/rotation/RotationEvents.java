package org.bastion.crm.crypto.internal.rotation;

import org.bastion.crm.api.crypto.KeyRotation;

/** Announces the start and end of rotations (EventAdmin topics {@code org/bastion/crm/crypto/ROTATION_*}). */
@FunctionalInterface
public interface RotationEvents {

    /** Action {@code STARTED}, {@code COMPLETED} or {@code FAILED}. */
    void rotation(String action, KeyRotation rotation);

    /**
     * Called inside the transaction that stores the start (or resumption) of {@code rotation}, so that what it
     * records commits or rolls back with it; may throw to refuse the start (a 503 while an audit trail is required
     * and missing).
     */
    default void starting(KeyRotation rotation) {
    }
}
