package org.bastion.crm.crypto.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bastion.crm.api.crypto.DataKeyInfo.KeyState;
import org.bastion.crm.api.crypto.KeyPurpose;

/** The SQL of {@code crm_data_key}; every method works on the connection it is given. */
public final class DataKeyRepository {

    private DataKeyRepository() {
    }

    /** Every data key version, by purpose and version. */
    public static List<DataKeyRow> all(Connection connection) throws SQLException {
        List<DataKeyRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT purpose, version, master_version, wrapped,"
                + " state, created_at, retired_at FROM crm_data_key ORDER BY purpose, version");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.add(new DataKeyRow(KeyPurpose.valueOf(result.getString(1)), result.getInt(2), result.getInt(3),
                        Base64Text.decode(result.getString(4)), KeyState.valueOf(result.getString(5)),
                        instant(result.getTimestamp(6)), instant(result.getTimestamp(7))));
            }
        }
        return rows;
    }

    /** Whether any data key exists (the database has been used with a master key). */
    public static boolean any(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM crm_data_key");
             ResultSet result = select.executeQuery()) {
            return result.next() && result.getLong(1) > 0;
        }
    }

    /** Stores a new data key version. */
    public static void insert(Connection connection, DataKeyRow row) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_data_key (purpose, version,"
                + " master_version, wrapped, state, created_at, retired_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, row.purpose().name());
            insert.setInt(2, row.version());
            insert.setInt(3, row.masterVersion());
            insert.setString(4, Base64Text.encode(row.wrapped()));
            insert.setString(5, row.state().name());
            insert.setTimestamp(6, Timestamp.from(row.createdAt()));
            insert.setTimestamp(7, row.retiredAt() == null ? null : Timestamp.from(row.retiredAt()));
            insert.executeUpdate();
        }
    }

    /** Moves a data key version to {@code state}; {@code retiredAt} is stored when it is retired. */
    public static void setState(Connection connection, KeyPurpose purpose, int version, KeyState state, Instant retiredAt)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE crm_data_key SET state = ?, retired_at = ? WHERE purpose = ? AND version = ?")) {
            update.setString(1, state.name());
            update.setTimestamp(2, state == KeyState.RETIRED ? Timestamp.from(retiredAt) : null);
            update.setString(3, purpose.name());
            update.setInt(4, version);
            update.executeUpdate();
        }
    }

    /** Stores a data key version wrapped anew by master key version {@code masterVersion}. */
    public static void rewrap(Connection connection, KeyPurpose purpose, int version, int masterVersion, byte[] wrapped)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE crm_data_key SET master_version = ?, wrapped = ? WHERE purpose = ? AND version = ?")) {
            update.setInt(1, masterVersion);
            update.setString(2, Base64Text.encode(wrapped));
            update.setString(3, purpose.name());
            update.setInt(4, version);
            update.executeUpdate();
        }
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
