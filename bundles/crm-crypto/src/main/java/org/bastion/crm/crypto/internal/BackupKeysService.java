package org.bastion.crm.crypto.internal;

import java.util.function.Function;

import javax.crypto.SecretKey;

import org.bastion.crm.api.crypto.BackupKeys;
import org.bastion.crm.crypto.internal.backup.ArchiveKeys;
import org.bastion.crm.crypto.internal.keys.KeyMaterial;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The public {@link BackupKeys}, always registered: hands every call to the archive keys of the open {@link Keyring}
 * (read at call time, like {@link FieldCipherService}); while the keys are locked every call throws
 * {@link org.bastion.crm.api.crypto.KeysLockedException}.
 */
@Component(service = BackupKeys.class)
public final class BackupKeysService implements BackupKeys {

    private final MasterKeyManager manager;

    @Activate
    public BackupKeysService(@Reference MasterKeyManager manager) {
        this.manager = manager;
    }

    @Override
    public ArchiveKey newArchiveKey() {
        return call(ArchiveKeys::newArchiveKey);
    }

    @Override
    public SecretKey openArchiveKey(byte[] sealed) {
        return call(keys -> keys.openArchiveKey(sealed));
    }

    private <T> T call(Function<ArchiveKeys, T> operation) {
        Keyring current = manager.keyringOrLocked();
        try {
            return operation.apply(current.archiveKeys());
        } catch (KeyMaterial.KeyWipedException e) {
            throw manager.lockedError();
        }
    }
}
