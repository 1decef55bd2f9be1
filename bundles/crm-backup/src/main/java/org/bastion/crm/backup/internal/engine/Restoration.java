package org.bastion.crm.backup.internal.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.api.persistence.SchemaMigrator;
import org.bastion.crm.backup.internal.archive.ArchiveFormat;
import org.bastion.crm.backup.internal.engine.BackupFailure.Reason;
import org.bastion.crm.backup.internal.tables.SqlNames;
import org.bastion.crm.backup.internal.tables.TableLoader;
import org.bastion.crm.backup.internal.tables.TableRows;

/**
 * Restores an archive that was checked whole: participants at the archive's schema version are replaced in one
 * transaction (children deleted first, parents inserted first, merged tables merged); participants whose archive is
 * older are recreated at its version, loaded and migrated to the current version.
 */
final class Restoration {

    private static final System.Logger LOG = System.getLogger(Restoration.class.getName());

    private final DataSource dataSource;
    private final ArchiveScan scan;

    Restoration(DataSource dataSource, ArchiveScan scan) {
        this.dataSource = dataSource;
        this.scan = scan;
    }

    BackupEngine.Restored restore(Path file, BackupManifest manifest, List<BackupParticipant> participants,
            BackupProgress progress) {
        Map<String, BackupParticipant> installed = new LinkedHashMap<>();
        participants.forEach(p -> installed.put(p.name(), p));
        List<String> restored = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> older = new ArrayList<>();
        Map<String, Integer> current = currentVersions(manifest, installed);
        for (BackupManifest.Participant archived : manifest.participants()) {
            BackupParticipant participant = installed.get(archived.name());
            if (participant == null) {
                skipped.add(archived.name());
                continue;
            }
            int known = SchemaVersions.known(participant.migrations());
            if (archived.schemaVersion() > known) {
                throw new BackupFailure(Reason.NEWER_VERSION, archived.name() + " is at schema version "
                        + archived.schemaVersion() + " in the backup, newer than this installation's " + known
                        + ": restore it with the product version that wrote it (" + manifest.productVersion() + ")",
                        archived.name(), null);
            }
            restored.add(archived.name());
            if (archived.schemaVersion() != current.get(archived.name())) {
                older.add(archived.name());
            }
        }
        List<BackupParticipant> touched = restored.stream().map(installed::get).toList();
        touched.forEach(BackupParticipant::beforeRestore);
        try {
            for (BackupManifest.Participant archived : manifest.participants()) {
                if (older.contains(archived.name())) {
                    recreate(installed.get(archived.name()), archived);
                }
            }
            load(file, manifest, installed, restored, older, progress);
            for (String name : older) {
                BackupParticipant participant = installed.get(name);
                new SchemaMigrator(dataSource).migrate(participant.schemaComponent(), participant.migrations());
            }
        } catch (SQLException e) {
            throw new BackupFailure(Reason.DATABASE, "the restore failed: " + SqlProblems.describe(e), null, e);
        } finally {
            for (BackupParticipant participant : touched) {
                try {
                    participant.afterRestore();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, participant.name() + " failed after the restore", e);
                }
            }
        }
        if (!skipped.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "The backup holds participants not installed here, skipped: " + skipped);
        }
        return new BackupEngine.Restored(manifest, List.copyOf(restored), List.copyOf(skipped), List.copyOf(older));
    }

    private Map<String, Integer> currentVersions(BackupManifest manifest, Map<String, BackupParticipant> installed) {
        Map<String, Integer> versions = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (BackupManifest.Participant archived : manifest.participants()) {
                BackupParticipant participant = installed.get(archived.name());
                if (participant != null) {
                    versions.put(archived.name(), SchemaVersions.applied(connection, participant.schemaComponent()));
                }
            }
        } catch (SQLException e) {
            throw new BackupFailure(Reason.DATABASE, "the schema versions cannot be read: " + SqlProblems.describe(e),
                    null, e);
        }
        return versions;
    }

    /** Drops the participant's tables and its version rows, then builds its schema at the archive's version. */
    private void recreate(BackupParticipant participant, BackupManifest.Participant archived) throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        participant.tables().forEach(t -> tables.add(SqlNames.checked(t)));
        archived.tables().forEach(t -> tables.add(SqlNames.checked(t.table())));
        List<String> childrenFirst = new ArrayList<>(tables);
        java.util.Collections.reverse(childrenFirst);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : childrenFirst) {
                statement.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + SchemaMigrator.VERSION_TABLE + " WHERE component = ?")) {
                delete.setString(1, participant.schemaComponent());
                delete.executeUpdate();
            }
        }
        new SchemaMigrator(dataSource).migrate(participant.schemaComponent(),
                SchemaVersions.upTo(participant.migrations(), archived.schemaVersion()));
    }

    private void load(Path file, BackupManifest manifest, Map<String, BackupParticipant> installed,
            List<String> restored, List<String> older, BackupProgress progress) throws SQLException {
        long total = manifest.rowCount();
        long[] done = {0};
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                deleteCurrentRows(connection, manifest, installed, restored, older);
                scan.scan(file, ArchiveFormat.KIND_DATA, (participant, table, in) -> {
                    if (!restored.contains(participant.name())) {
                        return -1;
                    }
                    boolean merged = installed.get(participant.name()).mergedTables().stream()
                            .anyMatch(t -> t.equalsIgnoreCase(table.table()));
                    TableRows rows = new TableRows(in);
                    long base = done[0];
                    TableLoader.load(connection, rows, merged, n -> {
                        if (n % 1000 == 0) {
                            progress.advanced(table.part(), base + n, total);
                        }
                    });
                    rows.skipRest();
                    done[0] += rows.rows();
                    progress.advanced(table.part(), done[0], total);
                    return rows.rows();
                }, Reason.DATABASE);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            for (BackupManifest.Participant participant : manifest.participants()) {
                if (restored.contains(participant.name())) {
                    for (BackupManifest.Table table : participant.tables()) {
                        TableLoader.restartIdentities(connection, table.table());
                    }
                }
            }
        }
    }

    private static void deleteCurrentRows(Connection connection, BackupManifest manifest,
            Map<String, BackupParticipant> installed, List<String> restored, List<String> older) throws SQLException {
        List<BackupManifest.Participant> reversed = new ArrayList<>(manifest.participants());
        java.util.Collections.reverse(reversed);
        try (Statement statement = connection.createStatement()) {
            for (BackupManifest.Participant archived : reversed) {
                if (!restored.contains(archived.name()) || older.contains(archived.name())) {
                    continue;
                }
                BackupParticipant participant = installed.get(archived.name());
                List<String> tables = new ArrayList<>(participant.tables());
                java.util.Collections.reverse(tables);
                for (String table : tables) {
                    boolean merged = participant.mergedTables().stream().anyMatch(table::equalsIgnoreCase);
                    if (!merged) {
                        statement.executeUpdate("DELETE FROM " + SqlNames.checked(table));
                    }
                }
            }
        }
    }
}
