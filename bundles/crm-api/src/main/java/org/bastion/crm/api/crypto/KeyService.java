package org.bastion.crm.api.crypto;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.osgi.annotation.versioning.ProviderType;

/** Key administration: status, the list of key versions, online rotation and unlocking the master key. */
@ProviderType
public interface KeyService {

    /** Whether the keys are usable; never throws. */
    KeyStatus status();

    /**
     * Every key version, master key first, then by purpose and version.
     *
     * @throws KeysLockedException while locked
     */
    List<DataKeyInfo> keys();

    /**
     * Starts rotating the key of {@code purpose}: makes a new version and moves everything to it in the background,
     * in batches, while reads and writes go on. Rotating the master key re-wraps the data keys only.
     *
     * @throws org.bastion.crm.api.ConflictException when a rotation of that purpose is already running
     * @throws KeysLockedException while locked
     */
    KeyRotation rotate(KeyPurpose purpose);

    /** The rotation with this id, if there is one. */
    Optional<KeyRotation> rotation(UUID id);

    /** The rotations since the bundle started, newest first. */
    List<KeyRotation> rotations();

    /**
     * Tries to unlock the master key with a passphrase typed by the operator; the array is wiped afterwards.
     *
     * @return the status afterwards
     * @throws org.bastion.crm.api.ValidationException on field {@code passphrase} when it does not open the keystore
     */
    KeyStatus unlock(char[] passphrase);
}
