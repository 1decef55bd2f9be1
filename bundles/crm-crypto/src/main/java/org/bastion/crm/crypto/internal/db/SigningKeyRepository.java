package org.bastion.crm.crypto.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

import org.bastion.crm.api.crypto.DataKeyInfo.KeyState;
import org.bastion.crm.api.crypto.KeyPurpose;

/**
 * The SQL of signing keys: their public keys in {@code crm_signing_key}, and the rows of {@code crm_data_key} holding
 * their wrapped private seeds; every method works on the connection it is given.
 */
public final class SigningKeyRepository {

    private SigningKeyRepository() {
    }

    /** Stores the public key (X.509 SubjectPublicKeyInfo DER) of a signing key version. */
    public static void insertPublicKey(Connection connection, KeyPurpose purpose, int version, byte[] publicKey,
                                       Instant createdAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_signing_key (purpose, version,"
                + " public_key, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, purpose.name());
            insert.setInt(2, version);
            insert.setString(3, Base64Text.encode(publicKey));
            insert.setTimestamp(4, Timestamp.from(createdAt));
            insert.executeUpdate();
        }
    }

    /** The public key of a signing key version, if there is that version. */
    public static Optional<byte[]> publicKey(Connection connection, KeyPurpose purpose, int version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT public_key FROM crm_signing_key WHERE purpose = ? AND version = ?")) {
            select.setString(1, purpose.name());
            select.setInt(2, version);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? Optional.of(Base64Text.decode(result.getString(1))) : Optional.empty();
            }
        }
    }

    /** The highest ACTIVE version of {@code purpose} in {@code crm_data_key}, if any (another node may have made it). */
    public static OptionalInt activeVersion(Connection connection, KeyPurpose purpose) throws SQLException {
        return maxVersion(connection, purpose, "SELECT MAX(version) FROM crm_data_key WHERE purpose = ? AND state = '"
                + KeyState.ACTIVE.name() + "'");
    }

    /** The highest version of {@code purpose} in {@code crm_data_key}, whatever its state, if any. */
    public static OptionalInt newestVersion(Connection connection, KeyPurpose purpose) throws SQLException {
        return maxVersion(connection, purpose, "SELECT MAX(version) FROM crm_data_key WHERE purpose = ?");
    }

    /** The stored row of a data key version, if there is one. */
    public static Optional<DataKeyRow> dataKey(Connection connection, KeyPurpose purpose, int version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT master_version, wrapped, state, created_at,"
                + " retired_at FROM crm_data_key WHERE purpose = ? AND version = ?")) {
            select.setString(1, purpose.name());
            select.setInt(2, version);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DataKeyRow(purpose, version, result.getInt(1), Base64Text.decode(result.getString(2)),
                        KeyState.valueOf(result.getString(3)), DataKeyRepository.instant(result.getTimestamp(4)),
                        DataKeyRepository.instant(result.getTimestamp(5))));
            }
        }
    }

    private static OptionalInt maxVersion(Connection connection, KeyPurpose purpose, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, purpose.name());
            try (ResultSet result = select.executeQuery()) {
                if (result.next()) {
                    int version = result.getInt(1);
                    return result.wasNull() ? OptionalInt.empty() : OptionalInt.of(version);
                }
                return OptionalInt.empty();
            }
        }
    }
}
