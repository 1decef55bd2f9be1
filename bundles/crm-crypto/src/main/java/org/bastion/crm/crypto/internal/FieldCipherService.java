package org.bastion.crm.crypto.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.bastion.crm.api.crypto.BlindToken;
import org.bastion.crm.api.crypto.FieldCipher;
import org.bastion.crm.api.crypto.RecordCipher;
import org.bastion.crm.api.crypto.RecordRef;
import org.bastion.crm.crypto.internal.keys.KeyMaterial;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The public {@link FieldCipher}, always registered: while the keys are unlocked it hands every call to the
 * {@link Keyring} the {@link MasterKeyManager} holds (read at call time: no reference to it, so its opening and closing
 * never touch this component); while they are locked every call throws
 * {@link org.bastion.crm.api.crypto.KeysLockedException}, so a write fails with a clear error instead of finding no service.
 */
@Component(service = FieldCipher.class)
public final class FieldCipherService implements FieldCipher {

    private final MasterKeyManager manager;

    @Activate
    public FieldCipherService(@Reference MasterKeyManager manager) {
        this.manager = manager;
    }

    @Override
    public RecordCipher createRecordKey(RecordRef record) {
        Objects.requireNonNull(record, "record");
        return call(keys -> keys.recordKeys().create(record));
    }

    @Override
    public RecordCipher recordCipher(RecordRef record) {
        Objects.requireNonNull(record, "record");
        return call(keys -> keys.recordKeys().cipher(record));
    }

    @Override
    public Map<String, RecordCipher> recordCiphers(String kind, Collection<String> ids) {
        Objects.requireNonNull(kind, "kind");
        if (ids == null || ids.isEmpty()) {
            call(keys -> keys);
            return Map.of();
        }
        return call(keys -> keys.recordKeys().ciphers(kind, ids));
    }

    @Override
    public boolean destroyRecordKey(RecordRef record) {
        Objects.requireNonNull(record, "record");
        return call(keys -> keys.recordKeys().destroy(record));
    }

    @Override
    public List<BlindToken> blindTokens(String domain, String normalisedTerm) {
        return call(keys -> keys.blindTokens(domain, normalisedTerm));
    }

    private <T> T call(Function<Keyring, T> operation) {
        Keyring current = manager.keyringOrLocked();
        try {
            return operation.apply(current);
        } catch (KeyMaterial.KeyWipedException e) {
            throw manager.lockedError();
        }
    }
}
