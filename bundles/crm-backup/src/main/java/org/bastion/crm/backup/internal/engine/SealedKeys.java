package org.bastion.crm.backup.internal.engine;

import javax.crypto.SecretKey;

import org.bastion.crm.api.crypto.BackupKeys;
import org.bastion.crm.api.crypto.KeysLockedException;
import org.bastion.crm.backup.internal.engine.BackupFailure.Reason;

/** {@link BackupKeys} with its failures told as {@link BackupFailure}s (KEYS_LOCKED, UNKNOWN_KEY). */
final class SealedKeys {

    private final BackupKeys keys;

    SealedKeys(BackupKeys keys) {
        this.keys = keys;
    }

    BackupKeys.ArchiveKey newKey() {
        try {
            return keys.newArchiveKey();
        } catch (KeysLockedException e) {
            throw locked(e);
        }
    }

    SecretKey open(byte[] sealed) {
        try {
            return keys.openArchiveKey(sealed);
        } catch (KeysLockedException e) {
            throw locked(e);
        } catch (IllegalArgumentException e) {
            throw new BackupFailure(Reason.UNKNOWN_KEY, "the backup is sealed under a key this installation's keystore"
                    + " lacks (" + e.getMessage() + ")", null, null);
        }
    }

    private static BackupFailure locked(KeysLockedException e) {
        return new BackupFailure(Reason.KEYS_LOCKED, "the encryption keys are locked: unlock them first", null, null);
    }
}
