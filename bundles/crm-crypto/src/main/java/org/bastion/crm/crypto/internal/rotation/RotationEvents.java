package org.bastion.crm.crypto.internal.rotation;

import org.bastion.crm.api.crypto.KeyRotation;

/** Announces the start and end of rotations (EventAdmin topics {@code org/bastion/crm/crypto/ROTATION_*}). */
@FunctionalInterface
public interface RotationEvents {

    /** Action {@code STARTED}, {@code COMPLETED} or {@code FAILED}. */
    void rotation(String action, KeyRotation rotation);
}
