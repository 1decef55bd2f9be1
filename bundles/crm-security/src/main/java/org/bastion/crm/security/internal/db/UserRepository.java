package org.bastion.crm.security.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.api.security.UserStatus;
import org.bastion.crm.support.jdbc.Sql;

/** The SQL of {@code crm_user} and {@code crm_user_role}; every method works on the connection it is given. */
public final class UserRepository {

    private static final String COLUMNS = "id, username, display_name, email_ct, password_hash, status, totp_secret_ct,"
            + " totp_enabled, totp_last_step, created_at, last_login_at, version";

    private UserRepository() {
    }

    /**
     * Stores a new user and its roles.
     *
     * @throws ConflictException when the username is taken
     */
    public static void insert(Connection connection, UserRow row) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_user (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, row.id());
            insert.setString(2, row.username());
            insert.setString(3, row.displayName());
            insert.setString(4, row.emailCiphertext());
            insert.setString(5, row.passwordHash());
            insert.setString(6, row.status().name());
            insert.setString(7, row.totpSecretCiphertext());
            insert.setBoolean(8, row.totpEnabled());
            Sql.setLong(insert, 9, row.totpLastStep());
            Sql.setInstant(insert, 10, row.createdAt());
            Sql.setInstant(insert, 11, row.lastLoginAt());
            insert.setLong(12, row.version());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (Sql.isConstraintViolation(e)) {
                throw new ConflictException("the username " + row.username() + " is taken");
            }
            throw e;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO crm_user_role (user_id, role) VALUES (?, ?)")) {
            for (String role : row.roles()) {
                insert.setString(1, row.id());
                insert.setString(2, role);
                insert.executeUpdate();
            }
        }
    }

    /** The user with {@code id}. */
    public static Optional<UserRow> findById(Connection connection, String id) throws SQLException {
        return findOne(connection, "id", id);
    }

    /** The user with {@code username} (already lower case). */
    public static Optional<UserRow> findByUsername(Connection connection, String username) throws SQLException {
        return findOne(connection, "username", username);
    }

    /** A page of users ordered by username. */
    public static List<UserRow> page(Connection connection, long offset, int limit) throws SQLException {
        List<UserRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM crm_user ORDER BY username OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            select.setLong(1, offset);
            select.setInt(2, limit);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(row(result, Set.of()));
                }
            }
        }
        Map<String, Set<String>> roles = rolesOf(connection, rows.stream().map(UserRow::id).toList());
        return rows.stream().map(r -> withRoles(r, roles.getOrDefault(r.id(), Set.of()))).toList();
    }

    /** Every user with its roles (users are few: the directory loads them all). */
    public static List<UserRow> all(Connection connection) throws SQLException {
        List<UserRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM crm_user");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.add(row(result, Set.of()));
            }
        }
        Map<String, Set<String>> roles = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT user_id, role FROM crm_user_role");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                roles.computeIfAbsent(result.getString(1), id -> new HashSet<>()).add(result.getString(2));
            }
        }
        return rows.stream().map(r -> withRoles(r, roles.getOrDefault(r.id(), Set.of()))).toList();
    }

    /** Replaces the user's roles with {@code roles}; whether the user exists. */
    public static boolean replaceRoles(Connection connection, String id, Set<String> roles) throws SQLException {
        try (PreparedStatement touch = connection.prepareStatement(
                "UPDATE crm_user SET version = version + 1 WHERE id = ?")) {
            touch.setString(1, id);
            if (touch.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM crm_user_role WHERE user_id = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO crm_user_role (user_id, role) VALUES (?, ?)")) {
            for (String role : roles) {
                insert.setString(1, id);
                insert.setString(2, role);
                insert.executeUpdate();
            }
        }
        return true;
    }

    /** How many users there are. */
    public static long count(Connection connection) throws SQLException {
        return single(connection, "SELECT COUNT(*) FROM crm_user");
    }

    /** How many active users hold the admin role. */
    public static long countActiveAdmins(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM crm_user u JOIN crm_user_role r"
                + " ON r.user_id = u.id WHERE r.role = ? AND u.status = ?")) {
            select.setString(1, SecurityRoles.ADMIN);
            select.setString(2, UserStatus.ACTIVE.name());
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Sets the status; whether the user exists. */
    public static boolean updateStatus(Connection connection, String id, UserStatus status) throws SQLException {
        return update(connection, "status = ?", id, status.name());
    }

    /** Sets the password hash; whether the user exists. */
    public static boolean updatePassword(Connection connection, String id, String passwordHash) throws SQLException {
        return update(connection, "password_hash = ?", id, passwordHash);
    }

    /** Records a completed login. */
    public static void updateLastLogin(Connection connection, String id, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE crm_user SET last_login_at = ? WHERE id = ?")) {
            Sql.setInstant(update, 1, at);
            update.setString(2, id);
            update.executeUpdate();
        }
    }

    /** Sets the whole TOTP state (secret ciphertext, enabled, last step); whether the user exists. */
    public static boolean updateTotp(Connection connection, String id, String secretCiphertext, boolean enabled,
            Long lastStep) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE crm_user SET totp_secret_ct = ?,"
                + " totp_enabled = ?, totp_last_step = ?, version = version + 1 WHERE id = ?")) {
            update.setString(1, secretCiphertext);
            update.setBoolean(2, enabled);
            Sql.setLong(update, 3, lastStep);
            update.setString(4, id);
            return update.executeUpdate() > 0;
        }
    }

    /**
     * Records {@code step} as the last TOTP step used, only if it is later than the one recorded: whether it was (false
     * means the code was used already, perhaps by a concurrent request).
     */
    public static boolean advanceTotpStep(Connection connection, String id, long step) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE crm_user SET totp_last_step = ?"
                + " WHERE id = ? AND totp_enabled = TRUE AND (totp_last_step IS NULL OR totp_last_step < ?)")) {
            update.setLong(1, step);
            update.setString(2, id);
            update.setLong(3, step);
            return update.executeUpdate() > 0;
        }
    }

    private static boolean update(Connection connection, String assignment, String id, String value)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE crm_user SET " + assignment + ", version = version + 1 WHERE id = ?")) {
            update.setString(1, value);
            update.setString(2, id);
            return update.executeUpdate() > 0;
        }
    }

    private static Optional<UserRow> findOne(Connection connection, String column, String value) throws SQLException {
        UserRow found;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM crm_user WHERE " + column + " = ?")) {
            select.setString(1, value);
            try (ResultSet result = select.executeQuery()) {
                found = result.next() ? row(result, Set.of()) : null;
            }
        }
        // the roles query runs for an unknown user too, so that a lookup costs the same whether the user exists
        String id = found == null ? "" : found.id();
        Set<String> roles = rolesOf(connection, List.of(id)).getOrDefault(id, Set.of());
        return found == null ? Optional.empty() : Optional.of(withRoles(found, roles));
    }

    private static Map<String, Set<String>> rolesOf(Connection connection, List<String> ids) throws SQLException {
        Map<String, Set<String>> roles = new HashMap<>();
        if (ids.isEmpty()) {
            return roles;
        }
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT user_id, role FROM crm_user_role WHERE user_id IN (" + marks + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 1, ids.get(i));
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    roles.computeIfAbsent(result.getString(1), id -> new HashSet<>()).add(result.getString(2));
                }
            }
        }
        return roles;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet result = select.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static UserRow withRoles(UserRow r, Set<String> roles) {
        return new UserRow(r.id(), r.username(), r.displayName(), r.emailCiphertext(), r.passwordHash(), r.status(),
                r.totpSecretCiphertext(), r.totpEnabled(), r.totpLastStep(), r.createdAt(), r.lastLoginAt(),
                r.version(), roles);
    }

    private static UserRow row(ResultSet result, Set<String> roles) throws SQLException {
        return new UserRow(result.getString("id"), result.getString("username"), result.getString("display_name"),
                result.getString("email_ct"), result.getString("password_hash"),
                UserStatus.valueOf(result.getString("status")), result.getString("totp_secret_ct"),
                result.getBoolean("totp_enabled"), Sql.nullableLong(result, "totp_last_step"),
                Sql.instant(result, "created_at"), Sql.instant(result, "last_login_at"), result.getLong("version"), roles);
    }
}
