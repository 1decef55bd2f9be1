package org.bastion.crm.security.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bastion.crm.support.jdbc.Sql;

/** The SQL of {@code crm_recovery_code}: hashed, single-use recovery codes. */
public final class RecoveryCodeRepository {

    private RecoveryCodeRepository() {
    }

    /** Replaces every code of the user with {@code hashes}. */
    public static void replace(Connection connection, String userId, List<String> hashes) throws SQLException {
        deleteAll(connection, userId);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO crm_recovery_code (user_id, code_hash) VALUES (?, ?)")) {
            for (String hash : hashes) {
                insert.setString(1, userId);
                insert.setString(2, hash);
                insert.executeUpdate();
            }
        }
    }

    /** Deletes every code of the user. */
    public static void deleteAll(Connection connection, String userId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM crm_recovery_code WHERE user_id = ?")) {
            delete.setString(1, userId);
            delete.executeUpdate();
        }
    }

    /** The hashes of the user's unused codes. */
    public static List<String> unused(Connection connection, String userId) throws SQLException {
        List<String> hashes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT code_hash FROM crm_recovery_code WHERE user_id = ? AND used_at IS NULL ORDER BY code_hash")) {
            select.setString(1, userId);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    hashes.add(result.getString(1));
                }
            }
        }
        return hashes;
    }

    /** How many unused codes the user has. */
    public static int countUnused(Connection connection, String userId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM crm_recovery_code WHERE user_id = ? AND used_at IS NULL")) {
            select.setString(1, userId);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    /** Marks a code used, if it still is unused: whether it was (false when a concurrent request used it first). */
    public static boolean markUsed(Connection connection, String userId, String hash, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE crm_recovery_code SET used_at = ?"
                + " WHERE user_id = ? AND code_hash = ? AND used_at IS NULL")) {
            Sql.setInstant(update, 1, at);
            update.setString(2, userId);
            update.setString(3, hash);
            return update.executeUpdate() > 0;
        }
    }
}
