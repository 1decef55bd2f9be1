package org.bastion.crm.audit.internal.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;


/** The SQL of the chain: the head row (locked by the linking node), unchained rows, and their linking. */
public final class ChainStore {

    /** The columns of an entry row, in the order {@link #row} reads them. */
    public static final String COLUMNS = "id, sequence_no, recorded_at, actor_id, actor_name, channel, address, action,"
            + " target_kind, target_id, outcome, details, changes, prev_hash, entry_hash";

    private ChainStore() {
    }

    /** The head, locked for the rest of the transaction when {@code forUpdate}. */
    public static ChainHead head(Connection connection, boolean forUpdate) throws SQLException {
        String sql = "SELECT sequence_no, entry_hash, archived_through, archived_hash FROM crm_audit_chain_head"
                + " WHERE id = 1" + (forUpdate ? " FOR UPDATE" : "");
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            if (!result.next()) {
                throw new SQLException("the audit chain head row is missing", "02000");
            }
            return new ChainHead(result.getLong(1), result.getString(2), result.getLong(3), result.getString(4));
        }
    }

    /** Up to {@code max} committed unchained rows, in id order. */
    public static List<EntryRow> unchained(Connection connection, int max) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM crm_audit_entry WHERE sequence_no IS NULL ORDER BY id"
                + " FETCH FIRST " + max + " ROWS ONLY";
        List<EntryRow> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(row(result));
            }
        }
        return rows;
    }

    /** How many committed rows wait to be chained. */
    public static long countUnchained(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM crm_audit_entry WHERE sequence_no IS NULL");
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Stores the links of {@code rows} and moves the head to the last of them. */
    public static void link(Connection connection, List<EntryRow> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE crm_audit_entry SET sequence_no = ?, prev_hash = ?, entry_hash = ? WHERE id = ?")) {
            for (EntryRow row : rows) {
                statement.setLong(1, row.sequence());
                statement.setString(2, row.prevHash());
                statement.setString(3, row.entryHash());
                statement.setLong(4, row.id());
                statement.addBatch();
            }
            statement.executeBatch();
        }
        EntryRow last = rows.get(rows.size() - 1);
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE crm_audit_chain_head SET sequence_no = ?, entry_hash = ? WHERE id = 1")) {
            statement.setLong(1, last.sequence());
            statement.setString(2, last.entryHash());
            statement.executeUpdate();
        }
    }

    /** The row at the result's cursor (columns {@link #COLUMNS}). */
    public static EntryRow row(ResultSet result) throws SQLException {
        long sequence = result.getLong(2);
        Long sequenceNo = result.wasNull() ? null : sequence;
        OffsetDateTime time = result.getObject(3, OffsetDateTime.class);
        return new EntryRow(result.getLong(1), sequenceNo, time.toInstant(), result.getString(4), result.getString(5), result.getString(6), result.getString(7),
                result.getString(8), result.getString(9), result.getString(10), result.getString(11),
                result.getString(12), result.getString(13), result.getString(14), result.getString(15));
    }
}
