package org.bastion.crm.api.crypto;

import javax.crypto.SecretKey;

/**
 * The keys that encrypt backup archives (provided by crm-crypto, purpose {@link KeyPurpose#BACKUP}): a fresh AES-256
 * key per archive, sealed so that an installation holding only the same master keystore and its passphrase can open it.
 *
 * <p>The sealed form names the backup data key version and the master key version, and carries the backup data key
 * wrapped by the master key and the archive key wrapped by the backup data key: opening it needs the keystore, never
 * the database, so a backup restores on a new machine with an empty database.
 */
public interface BackupKeys {

    /** A new archive's key and its sealed form (for the archive's header). */
    record ArchiveKey(SecretKey key, byte[] sealed) {
    }

    /**
     * A fresh key for one archive, sealed under the current backup data key.
     *
     * @throws KeysLockedException when the keys are locked
     */
    ArchiveKey newArchiveKey();

    /**
     * The archive key of a sealed form written by {@link #newArchiveKey()} on this or another installation with the
     * same master keystore.
     *
     * @throws KeysLockedException when the keys are locked
     * @throws IllegalArgumentException when the sealed form is malformed or needs a master key version this keystore
     *                                  lacks (the message says which, never key material)
     */
    SecretKey openArchiveKey(byte[] sealed);
}
