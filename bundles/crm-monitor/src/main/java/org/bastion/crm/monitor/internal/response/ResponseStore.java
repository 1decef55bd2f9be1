package org.bastion.crm.monitor.internal.response;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bastion.crm.support.jdbc.Sql;

/** The SQL of {@code crm_monitor_response}; every method works on the connection given. */
public final class ResponseStore {

    private ResponseStore() {
    }

    static void insert(Connection connection, AppliedResponse response) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_monitor_response"
                + " (id, alert_id, kind, target, applied_at, until_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, response.id().toString());
            insert.setString(2, response.alertId().toString());
            insert.setString(3, response.kind().wireName());
            insert.setString(4, response.target());
            Sql.setInstant(insert, 5, response.appliedAt());
            Sql.setInstant(insert, 6, response.until());
            insert.executeUpdate();
        }
    }

    /** The responses applied for an alert, oldest first. */
    public static List<AppliedResponse> of(Connection connection, UUID alertId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, alert_id, kind, target, applied_at,"
                + " until_at, undone_at, undone_by FROM crm_monitor_response WHERE alert_id = ?"
                + " ORDER BY applied_at, id")) {
            select.setString(1, alertId.toString());
            List<AppliedResponse> responses = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    responses.add(new AppliedResponse(UUID.fromString(result.getString("id")),
                            UUID.fromString(result.getString("alert_id")),
                            ResponseKind.ofWireName(result.getString("kind")), result.getString("target"),
                            Sql.instant(result, "applied_at"), Sql.instant(result, "until_at"),
                            Sql.instant(result, "undone_at"), result.getString("undone_by")));
                }
            }
            return responses;
        }
    }

    static void markUndone(Connection connection, UUID id, String by, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE crm_monitor_response SET undone_at = ?, undone_by = ? WHERE id = ?")) {
            Sql.setInstant(update, 1, now);
            update.setString(2, by);
            update.setString(3, id.toString());
            update.executeUpdate();
        }
    }
}
