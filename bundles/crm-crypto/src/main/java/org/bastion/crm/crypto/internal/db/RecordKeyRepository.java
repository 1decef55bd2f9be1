package org.bastion.crm.crypto.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The SQL of {@code crm_record_key}; every method works on the connection it is given. */
public final class RecordKeyRepository {

    /** The most ids one {@code IN} list carries. */
    public static final int IN_LIST_CHUNK = 500;

    private static final String COLUMNS = "record_kind, record_id, key_version, wrapped";

    private RecordKeyRepository() {
    }

    /**
     * Stores a record's key.
     *
     * @throws SQLException with a {@code 23xxx} state when the record already has one
     */
    public static void insert(Connection connection, RecordKeyRow row, Instant createdAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_record_key (" + COLUMNS
                + ", created_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, row.kind());
            insert.setString(2, row.id());
            insert.setInt(3, row.keyVersion());
            insert.setString(4, Base64Text.encode(row.wrapped()));
            insert.setTimestamp(5, Timestamp.from(createdAt));
            insert.executeUpdate();
        }
    }

    /** The key of one record, if it has one. */
    public static Optional<RecordKeyRow> find(Connection connection, String kind, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM crm_record_key WHERE record_kind = ? AND record_id = ?")) {
            select.setString(1, kind);
            select.setString(2, id);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? Optional.of(row(result)) : Optional.empty();
            }
        }
    }

    /** The keys of many records of one kind, by id; one query per {@value #IN_LIST_CHUNK} ids. */
    public static Map<String, RecordKeyRow> findAll(Connection connection, String kind, Collection<String> ids)
            throws SQLException {
        Map<String, RecordKeyRow> rows = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += IN_LIST_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST_CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM crm_record_key WHERE record_kind = ? AND record_id IN (" + marks + ")")) {
                select.setString(1, kind);
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 2, chunk.get(i));
                }
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        RecordKeyRow row = row(result);
                        rows.put(row.id(), row);
                    }
                }
            }
        }
        return rows;
    }

    /** Deletes a record's key; whether there was one. */
    public static boolean delete(Connection connection, String kind, String id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM crm_record_key WHERE record_kind = ? AND record_id = ?")) {
            delete.setString(1, kind);
            delete.setString(2, id);
            return delete.executeUpdate() > 0;
        }
    }

    /** Up to {@code limit} keys wrapped by a field key version older than {@code version}. */
    public static List<RecordKeyRow> olderThan(Connection connection, int version, int limit) throws SQLException {
        List<RecordKeyRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM crm_record_key WHERE key_version < ?")) {
            select.setInt(1, version);
            select.setMaxRows(limit);
            try (ResultSet result = select.executeQuery()) {
                while (result.next() && rows.size() < limit) {
                    rows.add(row(result));
                }
            }
        }
        return rows;
    }

    /**
     * Stores a key wrapped anew by version {@code toVersion}, if it is still wrapped by {@code row.keyVersion()} (a
     * key destroyed or re-created meanwhile is left alone); whether it was.
     */
    public static boolean rewrap(Connection connection, RecordKeyRow row, int toVersion, byte[] wrapped)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE crm_record_key SET key_version = ?,"
                + " wrapped = ? WHERE record_kind = ? AND record_id = ? AND key_version = ?")) {
            update.setInt(1, toVersion);
            update.setString(2, Base64Text.encode(wrapped));
            update.setString(3, row.kind());
            update.setString(4, row.id());
            update.setInt(5, row.keyVersion());
            return update.executeUpdate() > 0;
        }
    }

    /** How many keys a field key version older than {@code version} wraps. */
    public static long countOlderThan(Connection connection, int version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM crm_record_key WHERE key_version < ?")) {
            select.setInt(1, version);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? result.getLong(1) : 0;
            }
        }
    }

    /** How many keys each field key version wraps. */
    public static Map<Integer, Long> countByVersion(Connection connection) throws SQLException {
        Map<Integer, Long> counts = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT key_version, COUNT(*) FROM crm_record_key GROUP BY key_version");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                counts.put(result.getInt(1), result.getLong(2));
            }
        }
        return counts;
    }

    private static RecordKeyRow row(ResultSet result) throws SQLException {
        return new RecordKeyRow(result.getString(1), result.getString(2), result.getInt(3),
                Base64Text.decode(result.getString(4)));
    }
}
