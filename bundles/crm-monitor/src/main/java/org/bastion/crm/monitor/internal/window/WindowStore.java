package org.bastion.crm.monitor.internal.window;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.bastion.crm.monitor.internal.db.MonitorDatabase;
import org.bastion.crm.support.jdbc.Sql;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The SQL of the rule windows ({@code crm_monitor_mark}, {@code crm_monitor_seen}): every node marks and counts in the
 * same tables, so thresholds hold across a cluster. Each call is its own short transaction.
 */
@Component(service = WindowStore.class)
public final class WindowStore {

    /** The longest key or value stored as given; longer ones are stored as their SHA-256. */
    static final int MAX_TEXT = 300;

    private final MonitorDatabase database;

    @Activate
    public WindowStore(@Reference MonitorDatabase database) {
        this.database = database;
    }

    /**
     * Marks {@code value} ('' for a plain mark) once per entry and counts the marks or distinct values within, up to
     * {@code countUpTo} (the subquery stops there, so a key with many marks costs no more than one with few).
     */
    long mark(String rule, String key, String value, long sequence, Instant time, Duration within, boolean distinct,
            long countUpTo) {
        String storedKey = fit(key);
        String storedValue = value.isEmpty() ? "" : fit(value);
        return database.write(connection -> {
            insertMarkOnce(connection, rule, storedKey, storedValue, sequence, time);
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM (SELECT "
                    + (distinct ? "DISTINCT mark_value" : "mark_value") + " FROM crm_monitor_mark"
                    + " WHERE rule = ? AND mark_key = ? AND marked_at > ? AND marked_at <= ?"
                    + (distinct ? " AND mark_value <> ''" : " AND mark_value = ''")
                    + " FETCH FIRST ? ROWS ONLY) counted")) {
                select.setString(1, rule);
                select.setString(2, storedKey);
                Sql.setInstant(select, 3, time.minus(within));
                Sql.setInstant(select, 4, time);
                select.setLong(5, countUpTo);
                try (ResultSet result = select.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        });
    }

    /** Remembers {@code value} under {@code key} for good; whether it was new. */
    boolean firstSeen(String rule, String key, String value, Instant time) {
        String storedKey = fit(key);
        String storedValue = fit(value);
        boolean known = database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM crm_monitor_seen"
                    + " WHERE rule = ? AND seen_key = ? AND seen_value = ?")) {
                select.setString(1, rule);
                select.setString(2, storedKey);
                select.setString(3, storedValue);
                try (ResultSet result = select.executeQuery()) {
                    return result.next();
                }
            }
        });
        if (known) {
            return false;
        }
        try {
            return database.write(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_monitor_seen"
                        + " (rule, seen_key, seen_value, first_seen_at) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, rule);
                    insert.setString(2, storedKey);
                    insert.setString(3, storedValue);
                    Sql.setInstant(insert, 4, time);
                    insert.executeUpdate();
                }
                return true;
            });
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql && Sql.isConstraintViolation(sql)) {
                return false; // another node remembered it first
            }
            throw e;
        }
    }

    /** Deletes the marks older than {@code before}; how many. */
    public int prune(Instant before) {
        return database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM crm_monitor_mark WHERE marked_at < ?")) {
                Sql.setInstant(delete, 1, before);
                return delete.executeUpdate();
            }
        });
    }

    private static void insertMarkOnce(Connection connection, String rule, String key, String value, long sequence,
            Instant time) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM crm_monitor_mark"
                + " WHERE rule = ? AND mark_key = ? AND mark_value = ? AND sequence_no = ?")) {
            select.setString(1, rule);
            select.setString(2, key);
            select.setString(3, value);
            select.setLong(4, sequence);
            try (ResultSet result = select.executeQuery()) {
                if (result.next()) {
                    return; // the entry was told before (at-least-once): it counts once
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_monitor_mark"
                + " (rule, mark_key, mark_value, sequence_no, marked_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, rule);
            insert.setString(2, key);
            insert.setString(3, value);
            insert.setLong(4, sequence);
            Sql.setInstant(insert, 5, time);
            insert.executeUpdate();
        }
    }

    /** {@code text} as stored: itself when short enough, else its SHA-256 in hex. */
    static String fit(String text) {
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
