package org.bastion.crm.crypto.internal.rotation;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.crypto.internal.db.DataKeyRepository;
import org.bastion.crm.crypto.internal.db.DataKeyRow;
import org.bastion.crm.crypto.internal.db.RotationRepository;
import org.bastion.crm.crypto.internal.keys.KeyMaterial;
import org.bastion.crm.crypto.internal.master.MasterKeys;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * Rotates the master key: writes {@code master-v<n+1>} into the keystore first (the file is replaced atomically and
 * keeps the older versions), then re-wraps every data key with it in one transaction. No record is touched. If the
 * re-wrap fails, the data keys stay wrapped by the versions they name, all still in the keystore, and rotating again
 * resumes the re-wrap.
 */
final class MasterRotation {

    private static final System.Logger LOG = System.getLogger(MasterRotation.class.getName());

    private final RotationRunner runner;
    private final MasterKeys master;

    MasterRotation(RotationRunner runner, MasterKeys master) {
        this.runner = runner;
        this.master = master;
    }

    KeyRotation start() {
        int from = master.currentVersion();
        int to;
        try {
            to = master.rotate();
        } catch (IOException | GeneralSecurityException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot add a master key version to the keystore: " + e);
            throw new ServiceUnavailableException("the master key cannot be rotated: the keystore cannot be written ("
                    + e.getClass().getSimpleName() + ")");
        }
        long total = runner.sql("counting data keys", c -> (long) DataKeyRepository.all(c).size());
        KeyRotation rotation = new KeyRotation(UUID.randomUUID(), KeyPurpose.MASTER, from, to,
                KeyRotation.State.RUNNING, total, 0, RotationRunner.now(), null, null);
        runner.sql("starting a master key rotation", c -> {
            RotationRepository.insert(c, rotation);
            runner.events().starting(rotation);
            return null;
        });
        runner.events().rotation("STARTED", rotation);
        return finish(rotation);
    }

    KeyRotation finish(KeyRotation rotation) {
        try {
            runner.sql("re-wrapping the data keys", c -> {
                RotationRepository.addDone(c, rotation.id(), rewrapAll(c));
                RotationRepository.setState(c, rotation.id(), KeyRotation.State.COMPLETED, RotationRunner.now(), null);
                return null;
            });
        } catch (RuntimeException e) {
            return runner.fail(rotation, e);
        }
        KeyRotation completed = runner.reread(rotation);
        runner.events().rotation("COMPLETED", completed);
        LOG.log(System.Logger.Level.INFO, RotationRunner.describe(completed) + " completed: " + completed.done()
                + " data keys re-wrapped");
        return completed;
    }

    private long rewrapAll(Connection connection) throws SQLException {
        int current = master.currentVersion();
        long moved = 0;
        for (DataKeyRow row : DataKeyRepository.all(connection)) {
            if (row.masterVersion() == current) {
                continue;
            }
            KeyMaterial key;
            try {
                key = master.unwrap(row.masterVersion(), row.wrapped());
            } catch (InvalidCipherTextException e) {
                throw new IllegalStateException("data key " + row.id() + " does not unwrap with master-v"
                        + row.masterVersion());
            }
            try {
                MasterKeys.Wrapped wrapped = master.wrap(key);
                DataKeyRepository.rewrap(connection, row.purpose(), row.version(), wrapped.masterVersion(), wrapped.bytes());
                moved++;
            } finally {
                key.wipe();
            }
        }
        return moved;
    }
}
