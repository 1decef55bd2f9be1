package org.bastion.crm.monitor.internal.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bastion.crm.api.monitor.Alert;
import org.bastion.crm.api.monitor.AlertQuery;
import org.bastion.crm.api.monitor.AlertSeverity;
import org.bastion.crm.api.monitor.AlertState;
import org.bastion.crm.support.jdbc.Sql;

/** The SQL of {@code crm_monitor_alert}; every method works on the connection given. */
final class AlertRows {

    private static final String COLUMNS = "id, rule, severity, subject, summary, first_sequence, last_sequence,"
            + " entry_count, state, raised_at, updated_at, updated_by";

    private AlertRows() {
    }

    /** The key of the alert of a rule and subject while it is not resolved. */
    static String openKey(String rule, String subject) {
        return rule + "|" + subject;
    }

    /** The open or acknowledged alert of {@code openKey}, locked until the transaction ends. */
    static Optional<Alert> lockOpen(Connection connection, String openKey) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM crm_monitor_alert WHERE open_key = ? FOR UPDATE")) {
            select.setString(1, openKey);
            return one(select);
        }
    }

    /** The alert with {@code id}, locked until the transaction ends when {@code lock}. */
    static Optional<Alert> find(Connection connection, UUID id, boolean lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM crm_monitor_alert WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
            select.setString(1, id.toString());
            return one(select);
        }
    }

    static void insert(Connection connection, Alert alert) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_monitor_alert (" + COLUMNS
                + ", open_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, alert.id().toString());
            insert.setString(2, alert.rule());
            insert.setString(3, alert.severity().wireName());
            insert.setString(4, alert.subject());
            insert.setString(5, alert.summary());
            insert.setLong(6, alert.firstSequence());
            insert.setLong(7, alert.lastSequence());
            insert.setLong(8, alert.count());
            insert.setString(9, alert.state().wireName());
            Sql.setInstant(insert, 10, alert.raisedAt());
            Sql.setInstant(insert, 11, alert.updatedAt());
            insert.setString(12, alert.updatedBy());
            insert.setString(13, openKey(alert.rule(), alert.subject()));
            insert.executeUpdate();
        }
    }

    /** Folds one more entry into an alert. */
    static void fold(Connection connection, UUID id, long sequence, String summary, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE crm_monitor_alert SET last_sequence = ?,"
                + " entry_count = entry_count + 1, summary = ?, updated_at = ? WHERE id = ?")) {
            update.setLong(1, sequence);
            update.setString(2, summary);
            Sql.setInstant(update, 3, now);
            update.setString(4, id.toString());
            update.executeUpdate();
        }
    }

    /** Moves an alert to {@code state}; a resolved one leaves its rule and subject free for a new alert. */
    static void changeState(Connection connection, UUID id, AlertState state, String by, String note, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE crm_monitor_alert SET state = ?,"
                + " updated_by = ?, note = ?, updated_at = ?"
                + (state == AlertState.RESOLVED ? ", open_key = NULL" : "") + " WHERE id = ?")) {
            update.setString(1, state.wireName());
            update.setString(2, by);
            update.setString(3, note);
            Sql.setInstant(update, 4, now);
            update.setString(5, id.toString());
            update.executeUpdate();
        }
    }

    /** The alerts matching {@code query}, newest first. */
    static List<Alert> list(Connection connection, AlertQuery query, long offset, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM crm_monitor_alert"
                + where(query) + " ORDER BY raised_at DESC, id LIMIT ? OFFSET ?")) {
            int index = bind(select, query);
            select.setInt(index, limit);
            select.setLong(index + 1, offset);
            List<Alert> alerts = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    alerts.add(read(result));
                }
            }
            return alerts;
        }
    }

    /** How many alerts match {@code query}. */
    static long count(Connection connection, AlertQuery query) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM crm_monitor_alert"
                + where(query))) {
            bind(select, query);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static String where(AlertQuery query) {
        List<String> conditions = new ArrayList<>();
        query.rule().ifPresent(rule -> conditions.add("rule = ?"));
        query.state().ifPresent(state -> conditions.add("state = ?"));
        query.severity().ifPresent(severity -> conditions.add("severity = ?"));
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static int bind(PreparedStatement statement, AlertQuery query) throws SQLException {
        int index = 1;
        if (query.rule().isPresent()) {
            statement.setString(index++, query.rule().get());
        }
        if (query.state().isPresent()) {
            statement.setString(index++, query.state().get().wireName());
        }
        if (query.severity().isPresent()) {
            statement.setString(index++, query.severity().get().wireName());
        }
        return index;
    }

    private static Optional<Alert> one(PreparedStatement select) throws SQLException {
        try (ResultSet result = select.executeQuery()) {
            return result.next() ? Optional.of(read(result)) : Optional.empty();
        }
    }

    private static Alert read(ResultSet result) throws SQLException {
        return new Alert(UUID.fromString(result.getString("id")), result.getString("rule"),
                AlertSeverity.ofWireName(result.getString("severity")), result.getString("subject"),
                result.getString("summary"), result.getLong("first_sequence"), result.getLong("last_sequence"),
                result.getLong("entry_count"), AlertState.ofWireName(result.getString("state")),
                Sql.instant(result, "raised_at"), Sql.instant(result, "updated_at"), result.getString("updated_by"));
    }
}
