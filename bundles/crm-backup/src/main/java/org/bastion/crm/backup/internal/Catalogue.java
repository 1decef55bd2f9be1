package org.bastion.crm.backup.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bastion.crm.backup.internal.engine.BackupManifest;
import org.bastion.crm.support.jdbc.Sql;
import org.bastion.crm.support.jdbc.SqlWork;
import org.bastion.crm.support.jdbc.Transactions;

/**
 * The rows of {@code crm_backup}: one per backup this installation took or restored from a file. States are
 * {@value #RUNNING}, {@value #COMPLETED}, {@value #FAILED} and {@value #DELETED}; verify states {@value #VERIFIED} and
 * {@value #DAMAGED}. Holds no manifest: that is in the file.
 */
public final class Catalogue {

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    public static final String DELETED = "DELETED";
    public static final String VERIFIED = "VERIFIED";
    public static final String DAMAGED = "DAMAGED";

    private static final String COLUMNS = "id, file_name, trigger_kind, state, started_at, finished_at, size_bytes, "
            + "row_count, error, verify_state, verified_at, verify_detail, offsite_copied_at";
    private static final int TEXT_LIMIT = 500;

    private final Transactions transactions;

    public Catalogue(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Adds a backup that starts now on {@code node}. */
    public void started(UUID id, String trigger, Instant at, String node) {
        write(c -> update(c, "INSERT INTO crm_backup (id, file_name, trigger_kind, state, started_at, node) "
                + "VALUES (?, '', ?, '" + RUNNING + "', ?, ?)", id.toString(), trigger, at, cut(node, 100)));
    }

    /** Marks a running backup completed under the id its manifest holds. */
    public void completed(UUID runningId, UUID manifestId, String fileName, Instant at, long size, long rows) {
        write(c -> update(c, "UPDATE crm_backup SET id = ?, file_name = ?, state = '" + COMPLETED
                + "', finished_at = ?, size_bytes = ?, row_count = ? WHERE id = ?", manifestId.toString(),
                fileName, at, size, rows, runningId.toString()));
    }

    /** Marks a running backup failed with the reason. */
    public void failed(UUID runningId, Instant at, String error) {
        write(c -> update(c, "UPDATE crm_backup SET state = '" + FAILED + "', finished_at = ?, error = ? WHERE id = ?",
                at, cut(error, TEXT_LIMIT), runningId.toString()));
    }

    /** Adds a finished backup found in a file (a restore from a file), unless its id is known already. */
    public void found(UUID id, String fileName, String trigger, Instant createdAt, Instant at, long size, long rows,
            String node) {
        write(c -> {
            if (find(c, id).isPresent()) {
                return null;
            }
            return update(c, "INSERT INTO crm_backup (id, file_name, trigger_kind, state, started_at, finished_at, "
                    + "size_bytes, row_count, node) VALUES (?, ?, ?, '" + COMPLETED + "', ?, ?, ?, ?, ?)",
                    id.toString(), fileName, trigger, createdAt, at, size, rows, cut(node, 100));
        });
    }

    /** Records what a verify found: {@value #VERIFIED}, or {@value #DAMAGED} with the damaged part. */
    public void verified(UUID id, String verifyState, Instant at, String detail) {
        write(c -> update(c, "UPDATE crm_backup SET verify_state = ?, verified_at = ?, verify_detail = ? WHERE id = ?",
                verifyState, at, cut(detail, TEXT_LIMIT), id.toString()));
    }

    /** Marks a backup deleted (its file is gone). */
    public void deleted(UUID id) {
        write(c -> update(c, "UPDATE crm_backup SET state = '" + DELETED + "' WHERE id = ?", id.toString()));
    }

    /** One backup, without its manifest. */
    public Optional<BackupInfo> find(UUID id) {
        return read(c -> find(c, id));
    }

    /** Every backup, newest first, without manifests. */
    public List<BackupInfo> list() {
        return read(c -> {
            try (PreparedStatement statement = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM crm_backup ORDER BY started_at DESC, id");
                    ResultSet rows = statement.executeQuery()) {
                List<BackupInfo> all = new ArrayList<>();
                while (rows.next()) {
                    all.add(info(rows));
                }
                return all;
            }
        });
    }

    private static Optional<BackupInfo> find(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM crm_backup WHERE id = ?")) {
            statement.setString(1, id.toString());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(info(rows)) : Optional.empty();
            }
        }
    }

    private static BackupInfo info(ResultSet row) throws SQLException {
        String fileName = row.getString("file_name");
        return new BackupInfo(UUID.fromString(row.getString("id")), fileName == null || fileName.isEmpty() ? null
                : fileName, row.getString("trigger_kind"), row.getString("state"), Sql.instant(row, "started_at"),
                Sql.instant(row, "finished_at"), Sql.nullableLong(row, "size_bytes"),
                Sql.nullableLong(row, "row_count"), row.getString("error"), row.getString("verify_state"),
                Sql.instant(row, "verified_at"), row.getString("verify_detail"),
                Sql.instant(row, "offsite_copied_at"), (BackupManifest) null);
    }

    private static Object update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value == null) {
                    statement.setNull(i + 1, java.sql.Types.VARCHAR);
                } else if (value instanceof Instant instant) {
                    Sql.setInstant(statement, i + 1, instant);
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            statement.executeUpdate();
            return null;
        }
    }

    static String cut(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit);
    }

    private <T> T read(SqlWork<T> work) {
        try {
            return transactions.read(work);
        } catch (SQLException e) {
            throw databaseFailure(e);
        }
    }

    private void write(SqlWork<?> work) {
        try {
            transactions.write(work);
        } catch (SQLException e) {
            throw databaseFailure(e);
        }
    }

    static BackupProblem databaseFailure(SQLException e) {
        return BackupProblem.of(org.bastion.crm.backup.internal.engine.BackupFailure.Reason.DATABASE,
                "the backup catalogue cannot be read or written (SQL state " + e.getSQLState() + ")", null);
    }
}
