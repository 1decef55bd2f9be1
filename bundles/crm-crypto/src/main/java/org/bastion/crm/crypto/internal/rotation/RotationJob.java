package org.bastion.crm.crypto.internal.rotation;

/** The background part of a rotation that moves data to the new key version, one batch per call. */
interface RotationJob {

    /**
     * Moves up to {@code batchSize} items to the new version, in a transaction of its own, and records the progress.
     *
     * @return how many it moved, or -1 when none was left to move
     */
    long step(int batchSize) throws Exception;

    /**
     * Retires the old version(s) and marks the rotation completed, unless items appeared on an old version meanwhile.
     *
     * @return whether it completed; false means more steps are needed
     */
    boolean complete() throws Exception;
}
