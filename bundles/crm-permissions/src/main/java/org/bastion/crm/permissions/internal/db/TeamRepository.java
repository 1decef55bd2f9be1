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

/** The SQL of {@code crm_team} and {@code crm_team_member}; every method works on the connection it is given. */
public final class TeamRepository {

    private TeamRepository() {
    }

    /** Every team with its members, by name. */
    public static List<TeamRow> all(Connection connection) throws SQLException {
        Map<String, Set<String>> members = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT team, user_id FROM crm_team_member");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                members.computeIfAbsent(result.getString(1), team -> new HashSet<>()).add(result.getString(2));
            }
        }
        List<TeamRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name, description, created_at FROM crm_team ORDER BY name");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                String name = result.getString("name");
                rows.add(new TeamRow(name, result.getString("description"), members.getOrDefault(name, Set.of()),
                        Sql.instant(result, "created_at")));
            }
        }
        return rows;
    }

    /**
     * Stores a new, empty team.
     *
     * @throws ConflictException when the name is taken
     */
    public static void insert(Connection connection, TeamRow row) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO crm_team (name, description, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, row.name());
            insert.setString(2, row.description());
            Sql.setInstant(insert, 3, row.createdAt());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (Sql.isConstraintViolation(e)) {
                throw new ConflictException("the team name " + row.name() + " is taken");
            }
            throw e;
        }
    }

    /** Sets a team's description; whether the team exists. */
    public static boolean updateDescription(Connection connection, String name, String description)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE crm_team SET description = ? WHERE name = ?")) {
            update.setString(1, description);
            update.setString(2, name);
            return update.executeUpdate() > 0;
        }
    }

    /** Deletes a team and its memberships; whether it existed. */
    public static boolean delete(Connection connection, String name) throws SQLException {
        try (PreparedStatement members = connection.prepareStatement("DELETE FROM crm_team_member WHERE team = ?")) {
            members.setString(1, name);
            members.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM crm_team WHERE name = ?")) {
            delete.setString(1, name);
            return delete.executeUpdate() > 0;
        }
    }

    /** Adds a member (the caller checked it is not one yet). */
    public static void addMember(Connection connection, String team, String userId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO crm_team_member (team, user_id) VALUES (?, ?)")) {
            insert.setString(1, team);
            insert.setString(2, userId);
            insert.executeUpdate();
        }
    }

    /** Removes a member; whether the user was one. */
    public static boolean removeMember(Connection connection, String team, String userId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM crm_team_member WHERE team = ? AND user_id = ?")) {
            delete.setString(1, team);
            delete.setString(2, userId);
            return delete.executeUpdate() > 0;
        }
    }
}
