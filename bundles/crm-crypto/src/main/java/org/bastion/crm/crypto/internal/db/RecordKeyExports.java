package org.bastion.crm.crypto.internal.db;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bastion.crm.crypto.internal.backup.RecordKeyStream.Entry;

/** The SQL of exporting and restoring {@code crm_record_key} rows as stored; every method works on the connection it is given. */
public final class RecordKeyExports {

    private static final int FETCH_SIZE = 1000;

    private RecordKeyExports() {
    }

    /** A consumer of rows that may fail with I/O. */
    @FunctionalInterface
    public interface RowSink {
        void accept(Entry entry) throws IOException;
    }

    /** Hands every key to {@code sink}, by kind and id, in one statement (one consistent read). */
    public static void each(Connection connection, RowSink sink) throws SQLException, IOException {
        try (PreparedStatement select = connection.prepareStatement("SELECT record_kind, record_id, key_version, wrapped,"
                + " created_at FROM crm_record_key ORDER BY record_kind, record_id")) {
            select.setFetchSize(FETCH_SIZE);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    sink.accept(new Entry(result.getString(1), result.getString(2), result.getInt(3),
                            result.getString(4), result.getTimestamp(5).toInstant()));
                }
            }
        }
    }

    /** The ids among {@code ids} of records of {@code kind} that have a key now. */
    public static Set<String> existing(Connection connection, String kind, Collection<String> ids) throws SQLException {
        Set<String> found = new HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT record_id FROM crm_record_key WHERE record_kind = ? AND record_id IN (" + marks + ")")) {
            select.setString(1, kind);
            int index = 2;
            for (String id : ids) {
                select.setString(index++, id);
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    found.add(result.getString(1));
                }
            }
        }
        return found;
    }

    /** Inserts keys as they were stored (wrapped text unchanged). */
    public static void insert(Connection connection, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_record_key (record_kind, record_id,"
                + " key_version, wrapped, created_at) VALUES (?, ?, ?, ?, ?)")) {
            for (Entry entry : entries) {
                insert.setString(1, entry.kind());
                insert.setString(2, entry.id());
                insert.setInt(3, entry.keyVersion());
                insert.setString(4, entry.wrapped());
                insert.setTimestamp(5, Timestamp.from(entry.createdAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** How many record keys exist. */
    public static long count(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM crm_record_key");
             ResultSet result = select.executeQuery()) {
            return result.next() ? result.getLong(1) : 0;
        }
    }
}
