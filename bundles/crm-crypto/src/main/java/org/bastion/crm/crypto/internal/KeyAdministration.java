package org.bastion.crm.crypto.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import org.bastion.crm.api.crypto.DataKeyInfo;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.api.crypto.KeyService;
import org.bastion.crm.api.crypto.KeyStatus;
import org.bastion.crm.api.permissions.StandardPermissions;
import org.bastion.crm.crypto.internal.db.RotationRepository;
import org.bastion.crm.crypto.internal.keys.KeyMaterial;
import org.bastion.crm.crypto.internal.keys.StorageException;
import org.bastion.crm.support.jdbc.SqlWork;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The public {@link KeyService}, always registered: status and unlocking come from the {@link MasterKeyManager}, the
 * rotation history from the database (readable while locked), key listing and rotation from the {@link Keyring} the
 * manager holds, read at call time; while the keys are locked those throw
 * {@link org.bastion.crm.api.crypto.KeysLockedException}. Listing keys and rotations needs {@code keys:read}, starting a
 * rotation {@code keys:manage} ({@link org.bastion.crm.api.AccessDeniedException} otherwise; judged by
 * {@link KeyAccess}); the status and unlocking (which needs the passphrase) need none.
 */
@Component(service = KeyService.class)
public final class KeyAdministration implements KeyService {

    private final MasterKeyManager manager;
    private final DataSource dataSource;
    private final KeyAccess access;

    @Activate
    public KeyAdministration(@Reference MasterKeyManager manager, @Reference CryptoSchema schema,
            @Reference KeyAccess access) {
        this(manager, schema.dataSource(), access);
    }

    KeyAdministration(MasterKeyManager manager, DataSource dataSource, KeyAccess access) {
        this.manager = manager;
        this.dataSource = dataSource;
        this.access = access;
    }

    @Override
    public KeyStatus status() {
        try {
            return manager.status();
        } catch (RuntimeException e) {
            return new KeyStatus(KeyStatus.State.LOCKED, "status unavailable: " + e.getClass().getSimpleName(), 0);
        }
    }

    @Override
    public List<DataKeyInfo> keys() {
        access.check(StandardPermissions.KEYS_READ);
        return call(Keyring::keys);
    }

    @Override
    public KeyRotation rotate(KeyPurpose purpose) {
        access.check(StandardPermissions.KEYS_MANAGE);
        Objects.requireNonNull(purpose, "purpose");
        return call(keys -> keys.rotate(purpose));
    }

    @Override
    public Optional<KeyRotation> rotation(UUID id) {
        access.check(StandardPermissions.KEYS_READ);
        Objects.requireNonNull(id, "id");
        return read("reading a key rotation", c -> RotationRepository.find(c, id));
    }

    @Override
    public List<KeyRotation> rotations() {
        access.check(StandardPermissions.KEYS_READ);
        return read("reading the key rotations", RotationRepository::all);
    }

    @Override
    public KeyStatus unlock(char[] passphrase) {
        return manager.unlock(passphrase);
    }

    private <T> T call(Function<Keyring, T> operation) {
        Keyring current = manager.keyringOrLocked();
        try {
            return operation.apply(current);
        } catch (KeyMaterial.KeyWipedException e) {
            throw manager.lockedError();
        }
    }

    private <T> T read(String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StorageException(what, e);
        }
    }
}
