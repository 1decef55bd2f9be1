package org.bastion.crm.backup.internal.schedule;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bastion.crm.support.jdbc.Sql;

/**
 * What retention, off-site copies and health read and write in the catalogue {@code crm_backup} (the service owns
 * its rows; these are the few columns the jobs after a backup need).
 */
public final class BackupCatalogue {

    /** A catalogue row as the jobs see it. */
    public record Row(UUID id, String fileName, String trigger, String state, Instant startedAt, String error,
            Instant offsiteCopiedAt) {
    }

    private static final String COLUMNS = "id, file_name, trigger_kind, state, started_at, error, offsite_copied_at";

    private final ScheduleDatabase database;

    public BackupCatalogue(ScheduleDatabase database) {
        this.database = database;
    }

    /** Every COMPLETED backup, newest first. */
    public List<Row> completed() {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM crm_backup WHERE state = 'COMPLETED' ORDER BY started_at DESC")) {
                return rows(statement);
            }
        });
    }

    /** The newest backup that finished, COMPLETED or FAILED (a RUNNING one has not said yet). */
    public Optional<Row> lastFinished() {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM crm_backup WHERE state IN ('COMPLETED', 'FAILED') ORDER BY started_at DESC")) {
                statement.setMaxRows(1);
                return rows(statement).stream().findFirst();
            }
        });
    }

    /** When the newest COMPLETED backup started, if any. */
    public Optional<Instant> lastSuccess() {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT MAX(started_at) AS last FROM crm_backup WHERE state = 'COMPLETED'");
                    ResultSet result = statement.executeQuery()) {
                return result.next() ? Optional.ofNullable(Sql.instant(result, "last")) : Optional.empty();
            }
        });
    }

    /** One backup's row. */
    public Optional<Row> get(UUID id) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM crm_backup WHERE id = ?")) {
                statement.setString(1, id.toString());
                return rows(statement).stream().findFirst();
            }
        });
    }

    /** Marks a COMPLETED backup DELETED; false when it was not COMPLETED any more. */
    public boolean markDeleted(UUID id) {
        return database.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE crm_backup SET state = 'DELETED' WHERE id = ? AND state = 'COMPLETED'")) {
                statement.setString(1, id.toString());
                return statement.executeUpdate() == 1;
            }
        });
    }

    /** Records when a backup was copied to the off-site directory. */
    public void markOffsiteCopied(UUID id, Instant at) {
        database.write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE crm_backup SET offsite_copied_at = ? WHERE id = ?")) {
                Sql.setInstant(statement, 1, at);
                statement.setString(2, id.toString());
                return statement.executeUpdate();
            }
        });
    }

    private static List<Row> rows(PreparedStatement statement) throws java.sql.SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(new Row(UUID.fromString(result.getString("id")), result.getString("file_name"),
                        result.getString("trigger_kind"), result.getString("state"),
                        Sql.instant(result, "started_at"), result.getString("error"),
                        Sql.instant(result, "offsite_copied_at")));
            }
        }
        return rows;
    }
}
