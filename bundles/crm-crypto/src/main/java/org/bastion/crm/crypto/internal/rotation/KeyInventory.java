package org.bastion.crm.crypto.internal.rotation;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.bastion.crm.api.crypto.DataKeyInfo;
import org.bastion.crm.api.crypto.DataKeyInfo.KeyState;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotationParticipant;
import org.bastion.crm.crypto.internal.db.DataKeyRepository;
import org.bastion.crm.crypto.internal.db.DataKeyRow;
import org.bastion.crm.crypto.internal.db.RecordKeyRepository;
import org.bastion.crm.crypto.internal.db.Transactions;
import org.bastion.crm.crypto.internal.master.MasterKeys;

/**
 * Lists every key version without its material: the master key versions (each counting the data keys it wraps), then
 * the data key versions by purpose and version (field: the record keys each wraps; blind-index: what the participants
 * count; backup: not counted).
 */
public final class KeyInventory {

    private KeyInventory() {
    }

    /** The key versions, master first. */
    public static List<DataKeyInfo> list(Transactions transactions, MasterKeys master, RotationParticipants participants)
            throws SQLException {
        List<DataKeyRow> rows = new ArrayList<>(transactions.inCallerContext(DataKeyRepository::all));
        Map<Integer, Long> recordKeys = transactions.inCallerContext(RecordKeyRepository::countByVersion);
        List<DataKeyInfo> keys = new ArrayList<>();
        int current = master.currentVersion();
        for (int version : master.versions()) {
            long wrapped = rows.stream().filter(row -> row.masterVersion() == version).count();
            keys.add(new DataKeyInfo(KeyPurpose.MASTER.wireName() + "-v" + version, KeyPurpose.MASTER, version,
                    version == current ? KeyState.ACTIVE : KeyState.RETIRED, master.createdAt(version), null, 0, wrapped));
        }
        rows.sort(Comparator.comparing(DataKeyRow::purpose).thenComparingInt(DataKeyRow::version));
        for (DataKeyRow row : rows) {
            keys.add(new DataKeyInfo(row.id(), row.purpose(), row.version(), row.state(), row.createdAt(),
                    row.retiredAt(), row.masterVersion(), recordsUsing(row, recordKeys, participants)));
        }
        return keys;
    }

    private static long recordsUsing(DataKeyRow row, Map<Integer, Long> recordKeys, RotationParticipants participants) {
        return switch (row.purpose()) {
            case FIELD -> recordKeys.getOrDefault(row.version(), 0L);
            case BLIND_INDEX -> {
                long count = 0;
                for (KeyRotationParticipant participant : participants.of(KeyPurpose.BLIND_INDEX)) {
                    count += participant.countUsing(row.version());
                }
                yield count;
            }
            default -> -1;
        };
    }
}
