package org.bastion.crm.api.crypto;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered by a bundle that holds data derived from a data key outside the crypto bundle (blind-index tokens, for
 * one), so that a rotation of that key can move its data to the new version in batches. Record keys need no
 * participant: the crypto bundle re-wraps them itself.
 */
@ConsumerType
public interface KeyRotationParticipant {

    /** The purpose of the key this participant's data depends on, such as {@link KeyPurpose#BLIND_INDEX}. */
    KeyPurpose purpose();

    /** A short name for progress reports, such as {@code contacts}. */
    String name();

    /** How many of its records still depend on a version older than {@code version}. */
    long countOlderThan(int version);

    /** How many of its records depend on {@code version}. */
    long countUsing(int version);

    /**
     * Moves up to {@code batchSize} records still on an older version to {@code version} (for blind indexes: writes
     * their tokens for every live version); safe to run while the records change.
     *
     * @return how many records it moved; 0 when none is left
     */
    int migrateBatch(int version, int batchSize);

    /** Forgets whatever it kept for {@code version}, which is now retired (for blind indexes: its tokens). */
    void retire(int version);
}
