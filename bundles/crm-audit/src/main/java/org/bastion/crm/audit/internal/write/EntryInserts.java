package org.bastion.crm.audit.internal.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.bastion.crm.audit.internal.chain.EntryRow;
import org.bastion.crm.support.jdbc.Sql;

/** Inserts unchained rows into {@code crm_audit_entry} (sequence number and hashes stay null for the chainer). */
public final class EntryInserts {

    private static final String INSERT = "INSERT INTO crm_audit_entry (recorded_at, actor_id, actor_name, channel,"
            + " address, action, target_kind, target_id, outcome, details, changes) VALUES (?,?,?,?,?,?,?,?,?,?,?)";

    private EntryInserts() {
    }

    /** Inserts {@code rows} on {@code connection} in one batch. */
    public static void insert(Connection connection, List<EntryRow> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (EntryRow row : rows) {
                Sql.setInstant(statement, 1, row.recordedAt());
                statement.setString(2, row.actorId());
                statement.setString(3, row.actorName());
                statement.setString(4, row.channel());
                statement.setString(5, row.address());
                statement.setString(6, row.action());
                statement.setString(7, row.targetKind());
                statement.setString(8, row.targetId());
                statement.setString(9, row.outcome());
                statement.setString(10, row.details());
                statement.setString(11, row.changes());
                if (rows.size() == 1) {
                    statement.executeUpdate();
                } else {
                    statement.addBatch();
                }
            }
            if (rows.size() > 1) {
                statement.executeBatch();
            }
        }
    }
}
