package org.bastion.crm.crypto.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.SigningKeys;
import org.bastion.crm.crypto.internal.db.SigningKeyRepository;
import org.bastion.crm.crypto.internal.keys.Ed25519;
import org.bastion.crm.crypto.internal.keys.KeyMaterial;
import org.bastion.crm.crypto.internal.keys.SigningKeyring;
import org.bastion.crm.crypto.internal.keys.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The public {@link SigningKeys}, always registered: signing goes to the {@link Keyring} the {@link MasterKeyManager}
 * holds (read at call time; {@link org.bastion.crm.api.crypto.KeysLockedException} while locked); public keys and
 * verification need no secret and read {@code crm_signing_key}, so they work while the keys are locked and for retired
 * versions. No permission is checked: the callers are bundles (crm-audit's checkpoints), not users.
 */
@Component(service = SigningKeys.class)
public final class SigningKeyService implements SigningKeys {

    private final MasterKeyManager manager;
    private final DataSource dataSource;
    /** Public keys never change once stored: kept per purpose and version after the first read. */
    private final Map<String, byte[]> publicKeys = new ConcurrentHashMap<>();

    @Activate
    public SigningKeyService(@Reference MasterKeyManager manager, @Reference CryptoSchema schema) {
        this(manager, schema.dataSource());
    }

    SigningKeyService(MasterKeyManager manager, DataSource dataSource) {
        this.manager = manager;
        this.dataSource = dataSource;
    }

    @Override
    public Signature sign(KeyPurpose purpose, byte[] data) {
        SigningKeyring.requireSigning(purpose);
        Objects.requireNonNull(data, "data");
        Keyring keyring = manager.keyringOrLocked();
        try {
            return keyring.signingKeys().sign(purpose, data);
        } catch (KeyMaterial.KeyWipedException e) {
            throw manager.lockedError();
        }
    }

    @Override
    public byte[] publicKey(KeyPurpose purpose, int keyVersion) {
        SigningKeyring.requireSigning(purpose);
        return find(purpose, keyVersion).orElseThrow(() -> new NotFoundException("signing key",
                purpose.wireName() + "-v" + keyVersion)).clone();
    }

    @Override
    public boolean verify(KeyPurpose purpose, int keyVersion, byte[] data, byte[] signature) {
        SigningKeyring.requireSigning(purpose);
        return find(purpose, keyVersion).map(key -> Ed25519.verify(key, data, signature)).orElse(false);
    }

    private Optional<byte[]> find(KeyPurpose purpose, int keyVersion) {
        if (keyVersion < 1) {
            return Optional.empty();
        }
        String id = purpose.wireName() + "-v" + keyVersion;
        byte[] known = publicKeys.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        try (Connection connection = dataSource.getConnection()) {
            Optional<byte[]> stored = SigningKeyRepository.publicKey(connection, purpose, keyVersion);
            stored.ifPresent(key -> publicKeys.put(id, key));
            return stored;
        } catch (SQLException e) {
            throw new StorageException("reading a public key", e);
        }
    }
}
