package org.bastion.crm.crypto.internal.rotation;

import java.time.Instant;
import java.util.OptionalInt;
import java.util.UUID;

import org.bastion.crm.api.crypto.DataKeyInfo.KeyState;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.crypto.internal.db.DataKeyRepository;
import org.bastion.crm.crypto.internal.db.RotationRepository;
import org.bastion.crm.crypto.internal.db.SigningKeyRepository;
import org.bastion.crm.crypto.internal.keys.DataKeys;
import org.bastion.crm.crypto.internal.keys.KeyMaterial;
import org.bastion.crm.crypto.internal.keys.SigningKeyring;
import org.bastion.crm.crypto.internal.master.MasterKeys;

/**
 * Rotates a signing key (audit-signing): a new Ed25519 version becomes ACTIVE and the previous one RETIRED, in one
 * transaction, completed at once. Nothing is re-signed: retired versions are kept (their public keys too), so every
 * signature they made still verifies. The versions are read from the database, not from this node's memory, so a
 * version made on another node is never made twice (the primary key refuses a concurrent twin: a conflict).
 */
final class SigningRotation {

    private static final System.Logger LOG = System.getLogger(SigningRotation.class.getName());

    private final RotationRunner runner;
    private final DataKeys dataKeys;
    private final MasterKeys master;

    SigningRotation(RotationRunner runner, DataKeys dataKeys, MasterKeys master) {
        this.runner = runner;
        this.dataKeys = dataKeys;
        this.master = master;
    }

    KeyRotation start(KeyPurpose purpose) {
        KeyMaterial[] made = new KeyMaterial[1];
        Instant now = RotationRunner.now();
        KeyRotation rotation;
        try {
            rotation = runner.sql("rotating the " + purpose.wireName() + " key", c -> {
                OptionalInt active = SigningKeyRepository.activeVersion(c, purpose);
                int to = SigningKeyRepository.newestVersion(c, purpose).orElse(0) + 1;
                int from = active.orElse(0);
                made[0] = SigningKeyring.create(c, master, purpose, to);
                if (active.isPresent()) {
                    DataKeyRepository.setState(c, purpose, from, KeyState.RETIRED, now);
                }
                KeyRotation completed = new KeyRotation(UUID.randomUUID(), purpose, from, to,
                        KeyRotation.State.COMPLETED, 0, 0, now, now, null);
                RotationRepository.insert(c, completed);
                return completed;
            });
        } catch (RuntimeException e) {
            if (made[0] != null) {
                made[0].wipe();
            }
            throw e;
        }
        dataKeys.add(purpose, rotation.toVersion(), KeyState.ACTIVE, made[0]);
        if (rotation.fromVersion() > 0) {
            dataKeys.setState(purpose, rotation.fromVersion(), KeyState.RETIRED);
        }
        runner.events().rotation("STARTED", rotation);
        runner.events().rotation("COMPLETED", rotation);
        LOG.log(System.Logger.Level.INFO, RotationRunner.describe(rotation) + " completed (the old version is kept to"
                + " verify what it signed)");
        return rotation;
    }
}
