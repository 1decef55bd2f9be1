package org.bastion.crm.crypto.internal.backup;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.bastion.crm.api.crypto.BackupKeys.ArchiveKey;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.crypto.internal.keys.DataKeys;
import org.bastion.crm.crypto.internal.keys.KeyMaterial;
import org.bastion.crm.crypto.internal.keys.KeyWrap;
import org.bastion.crm.crypto.internal.master.MasterKeyStore;
import org.bastion.crm.crypto.internal.master.MasterKeys;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * Makes and opens archive keys with the unlocked keys of one keyring: a new archive key is wrapped by the ACTIVE backup
 * data key, which is itself wrapped (again, for the sealed form) by the current master key version; opening unwraps
 * the data key with the master key version the sealed form names, so it needs the keystore only, never the database.
 */
public final class ArchiveKeys {

    private static final String AES = "AES";

    private final DataKeys dataKeys;
    private final MasterKeys master;

    public ArchiveKeys(DataKeys dataKeys, MasterKeys master) {
        this.dataKeys = dataKeys;
        this.master = master;
    }

    /** A fresh random archive key and its sealed form. */
    public ArchiveKey newArchiveKey() {
        int version = dataKeys.activeVersion(KeyPurpose.BACKUP);
        KeyMaterial dataKey = dataKeys.material(KeyPurpose.BACKUP, version);
        KeyMaterial archiveKey = KeyMaterial.random();
        try {
            MasterKeys.Wrapped wrappedDataKey = master.wrap(dataKey);
            byte[] wrappedArchiveKey = KeyWrap.wrap(dataKey, archiveKey);
            SealedArchiveKey sealed = new SealedArchiveKey(version, wrappedDataKey.masterVersion(),
                    wrappedDataKey.bytes(), wrappedArchiveKey);
            return new ArchiveKey(archiveKey.use(bytes -> new SecretKeySpec(bytes, AES)), sealed.bytes());
        } finally {
            archiveKey.wipe();
        }
    }

    /**
     * The archive key of a sealed form.
     *
     * @throws IllegalArgumentException when it is malformed, or this keystore lacks or differs from its master key
     */
    public SecretKey openArchiveKey(byte[] bytes) {
        SealedArchiveKey sealed = SealedArchiveKey.parse(bytes);
        if (!master.versions().contains(sealed.masterVersion())) {
            throw new IllegalArgumentException("the backup key was sealed by master key version "
                    + sealed.masterVersion() + " (" + MasterKeyStore.ALIAS_PREFIX + sealed.masterVersion()
                    + "), which this keystore lacks: use a keystore saved after that master key rotation");
        }
        KeyMaterial dataKey;
        try {
            dataKey = master.unwrap(sealed.masterVersion(), sealed.wrappedDataKey());
        } catch (InvalidCipherTextException e) {
            throw new IllegalArgumentException("the backup key was sealed under another master keystore: master key"
                    + " version " + sealed.masterVersion() + " of this keystore does not open backup key version "
                    + sealed.backupVersion());
        }
        try {
            KeyMaterial archiveKey = KeyWrap.unwrap(dataKey, sealed.wrappedArchiveKey());
            try {
                return archiveKey.use(keyBytes -> new SecretKeySpec(keyBytes, AES));
            } finally {
                archiveKey.wipe();
            }
        } catch (InvalidCipherTextException e) {
            throw new IllegalArgumentException("the sealed backup key was altered: backup key version "
                    + sealed.backupVersion() + " does not open the archive key");
        } finally {
            dataKey.wipe();
        }
    }
}
