package org.bastion.crm.crypto.internal.keys;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import org.bastion.crm.api.crypto.DataKeyInfo.KeyState;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.crypto.internal.db.DataKeyRepository;
import org.bastion.crm.crypto.internal.db.DataKeyRow;
import org.bastion.crm.crypto.internal.master.MasterKeys;

/** Makes data key versions: 256 random bits, wrapped by the current master key, stored in {@code crm_data_key}. */
public final class DataKeyFactory {

    /** The purposes with data keys, each of which gets version 1 at the first unlock. */
    public static final KeyPurpose[] DATA_KEY_PURPOSES = {KeyPurpose.FIELD, KeyPurpose.BLIND_INDEX, KeyPurpose.BACKUP};

    private DataKeyFactory() {
    }

    /**
     * Creates and stores version {@code version} of {@code purpose} in state {@code state}.
     *
     * @return its key, owned by the caller
     */
    public static KeyMaterial create(Connection connection, MasterKeys master, KeyPurpose purpose, int version,
                                     KeyState state) throws SQLException {
        KeyMaterial key = KeyMaterial.random();
        try {
            MasterKeys.Wrapped wrapped = master.wrap(key);
            DataKeyRepository.insert(connection, new DataKeyRow(purpose, version, wrapped.masterVersion(),
                    wrapped.bytes(), state, Instant.now(), null));
            return key;
        } catch (SQLException | RuntimeException e) {
            key.wipe();
            throw e;
        }
    }

    /** Creates version 1 of every purpose, ACTIVE (the first unlock of a fresh database). */
    public static void createFirstVersions(Connection connection, MasterKeys master) throws SQLException {
        for (KeyPurpose purpose : DATA_KEY_PURPOSES) {
            create(connection, master, purpose, 1, KeyState.ACTIVE).wipe();
        }
    }
}
