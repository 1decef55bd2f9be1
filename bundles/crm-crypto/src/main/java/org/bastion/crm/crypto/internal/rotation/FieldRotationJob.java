package org.bastion.crm.crypto.internal.rotation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bastion.crm.api.crypto.DataKeyInfo.KeyState;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.crypto.internal.db.DataKeyRepository;
import org.bastion.crm.crypto.internal.db.RecordKeyRepository;
import org.bastion.crm.crypto.internal.db.RecordKeyRow;
import org.bastion.crm.crypto.internal.db.RotationRepository;
import org.bastion.crm.crypto.internal.db.Transactions;
import org.bastion.crm.crypto.internal.keys.DataKeys;
import org.bastion.crm.crypto.internal.keys.KeyMaterial;
import org.bastion.crm.crypto.internal.keys.KeyWrap;

/**
 * Re-wraps the record keys still on older field key versions with the new one, a batch per transaction. Each update
 * names the version it read ({@code WHERE key_version = old}), so a key destroyed or created meanwhile is left alone;
 * reads go on throughout because every row names the version that wraps it. When none is left, the older versions
 * are retired, not deleted: record keys in old backups are wrapped with them.
 */
final class FieldRotationJob implements RotationJob {

    private final Transactions transactions;
    private final DataKeys dataKeys;
    private final KeyRotation rotation;

    FieldRotationJob(Transactions transactions, DataKeys dataKeys, KeyRotation rotation) {
        this.transactions = transactions;
        this.dataKeys = dataKeys;
        this.rotation = rotation;
    }

    @Override
    public long step(int batchSize) throws Exception {
        int target = rotation.toVersion();
        return transactions.inNewTransaction(connection -> {
            List<RecordKeyRow> rows = RecordKeyRepository.olderThan(connection, target, batchSize);
            if (rows.isEmpty()) {
                return -1L;
            }
            long moved = 0;
            for (RecordKeyRow row : rows) {
                if (RecordKeyRepository.rewrap(connection, row, target, rewrapped(row, target))) {
                    moved++;
                }
            }
            RotationRepository.addDone(connection, rotation.id(), moved);
            return moved;
        });
    }

    @Override
    public boolean complete() throws Exception {
        int target = rotation.toVersion();
        List<Integer> retired = transactions.inNewTransaction(connection -> {
            if (RecordKeyRepository.countOlderThan(connection, target) > 0) {
                return null;
            }
            List<Integer> versions = retireOlder(connection, KeyPurpose.FIELD, target);
            RotationRepository.setState(connection, rotation.id(), KeyRotation.State.COMPLETED, RotationRunner.now(), null);
            return versions;
        });
        if (retired == null) {
            return false;
        }
        retired.forEach(version -> dataKeys.setState(KeyPurpose.FIELD, version, KeyState.RETIRED));
        return true;
    }

    /**
     * Retires every RETIRING version of {@code purpose} older than {@code target}, in the caller's transaction.
     *
     * @return the versions retired
     */
    static List<Integer> retireOlder(Connection connection, KeyPurpose purpose, int target) throws SQLException {
        Instant now = RotationRunner.now();
        List<Integer> retired = new ArrayList<>();
        for (var row : DataKeyRepository.all(connection)) {
            if (row.purpose() == purpose && row.version() < target && row.state() == KeyState.RETIRING) {
                DataKeyRepository.setState(connection, purpose, row.version(), KeyState.RETIRED, now);
                retired.add(row.version());
            }
        }
        return retired;
    }

    private byte[] rewrapped(RecordKeyRow row, int target) {
        KeyMaterial recordKey;
        try {
            recordKey = KeyWrap.unwrap(dataKeys.material(KeyPurpose.FIELD, row.keyVersion()), row.wrapped());
        } catch (org.bouncycastle.crypto.InvalidCipherTextException e) {
            throw new IllegalStateException("the key of " + row.kind() + "/" + row.id() + " does not unwrap with field key version "
                    + row.keyVersion());
        }
        try {
            return KeyWrap.wrap(dataKeys.material(KeyPurpose.FIELD, target), recordKey);
        } finally {
            recordKey.wipe();
        }
    }
}
