package org.bastion.crm.permissions.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bastion.crm.api.ConflictException;
import org.bastion.crm.support.jdbc.Sql;

/** The SQL of {@code crm_permission_role} and {@code crm_permission_grant}; every method works on the connection given. */
public final class RoleRepository {

    private RoleRepository() {
    }

    /** Every custom role with its permissions, by name. */
    public static List<RoleRow> all(Connection connection) throws SQLException {
        Map<String, Set<String>> grants = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT role, permission FROM crm_permission_grant");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                grants.computeIfAbsent(result.getString(1), role -> new HashSet<>()).add(result.getString(2));
            }
        }
        List<RoleRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name, description, created_at, updated_at FROM crm_permission_role ORDER BY name");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                String name = result.getString("name");
                rows.add(new RoleRow(name, result.getString("description"), grants.getOrDefault(name, Set.of()),
                        Sql.instant(result, "created_at"), Sql.instant(result, "updated_at")));
            }
        }
        return rows;
    }

    /**
     * Stores a new role and its permissions.
     *
     * @throws ConflictException when the name is taken
     */
    public static void insert(Connection connection, RoleRow row) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_permission_role"
                + " (name, description, created_at, updated_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, row.name());
            insert.setString(2, row.description());
            Sql.setInstant(insert, 3, row.createdAt());
            Sql.setInstant(insert, 4, row.updatedAt());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (Sql.isConstraintViolation(e)) {
                throw new ConflictException("the role name " + row.name() + " is taken");
            }
            throw e;
        }
        insertGrants(connection, row.name(), row.permissions());
    }

    /** Replaces a role's description, permissions and update time; whether the role exists. */
    public static boolean update(Connection connection, RoleRow row) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE crm_permission_role SET description = ?, updated_at = ? WHERE name = ?")) {
            update.setString(1, row.description());
            Sql.setInstant(update, 2, row.updatedAt());
            update.setString(3, row.name());
            if (update.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM crm_permission_grant WHERE role = ?")) {
            delete.setString(1, row.name());
            delete.executeUpdate();
        }
        insertGrants(connection, row.name(), row.permissions());
        return true;
    }

    /** Deletes a role and its grants; whether it existed. */
    public static boolean delete(Connection connection, String name) throws SQLException {
        try (PreparedStatement grants = connection.prepareStatement("DELETE FROM crm_permission_grant WHERE role = ?")) {
            grants.setString(1, name);
            grants.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM crm_permission_role WHERE name = ?")) {
            delete.setString(1, name);
            return delete.executeUpdate() > 0;
        }
    }

    private static void insertGrants(Connection connection, String role, Set<String> permissions) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO crm_permission_grant (role, permission) VALUES (?, ?)")) {
            for (String permission : permissions) {
                insert.setString(1, role);
                insert.setString(2, permission);
                insert.executeUpdate();
            }
        }
    }
}
