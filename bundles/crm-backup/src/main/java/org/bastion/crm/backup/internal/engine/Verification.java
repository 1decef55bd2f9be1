package org.bastion.crm.backup.internal.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.api.persistence.SchemaMigrator;
import org.bastion.crm.backup.internal.archive.ArchiveFormat;
import org.bastion.crm.backup.internal.archive.PartInput;
import org.bastion.crm.backup.internal.engine.BackupFailure.Reason;
import org.bastion.crm.backup.internal.tables.TableLoader;
import org.bastion.crm.backup.internal.tables.TableRows;

/**
 * Verifies an archive: reads and checks it while loading every installed participant's parts into a scratch in-memory
 * H2 database built from the participants' migrations at the archive's schema versions.
 */
final class Verification {

    private final ArchiveScan scan;
    private final ScratchDatabases scratchDatabases;

    Verification(ArchiveScan scan, ScratchDatabases scratchDatabases) {
        this.scan = scan;
        this.scratchDatabases = scratchDatabases;
    }

    BackupManifest verify(Path file, List<BackupParticipant> participants, BackupProgress progress) {
        Map<String, BackupParticipant> installed = new LinkedHashMap<>();
        participants.forEach(p -> installed.put(p.name(), p));
        try (ScratchDatabases.Scratch scratch = scratchDatabases.create();
             Connection connection = scratch.dataSource().getConnection()) {
            long[] done = {0};
            BackupManifest manifest = scan.scan(file, ArchiveFormat.KIND_DATA, new ArchiveScan.PartVisitor() {
                @Override
                public void opening(BackupManifest opening) throws SQLException {
                    for (BackupManifest.Participant archived : opening.participants()) {
                        BackupParticipant participant = installed.get(archived.name());
                        if (participant == null) {
                            continue;
                        }
                        if (archived.schemaVersion() > SchemaVersions.known(participant.migrations())) {
                            throw new BackupFailure(Reason.NEWER_VERSION, archived.name() + " is at schema version "
                                    + archived.schemaVersion() + " in the backup, newer than this installation knows",
                                    archived.name(), null);
                        }
                        new SchemaMigrator(scratch.dataSource()).migrate(participant.schemaComponent(),
                                SchemaVersions.upTo(participant.migrations(), archived.schemaVersion()));
                    }
                    connection.setAutoCommit(false);
                }

                @Override
                public long part(BackupManifest.Participant participant, BackupManifest.Table table, PartInput in)
                        throws java.io.IOException, SQLException {
                    TableRows rows = new TableRows(in);
                    if (installed.containsKey(participant.name())) {
                        boolean merged = installed.get(participant.name()).mergedTables().stream()
                                .anyMatch(t -> t.equalsIgnoreCase(table.table()));
                        TableLoader.load(connection, rows, merged, n -> {
                        });
                    }
                    rows.skipRest();
                    done[0] += rows.rows();
                    progress.advanced(table.part(), done[0], -1);
                    return rows.rows();
                }
            }, Reason.DOES_NOT_LOAD);
            connection.commit();
            return manifest;
        } catch (SQLException e) {
            throw new BackupFailure(Reason.DOES_NOT_LOAD, "the scratch database failed: " + SqlProblems.describe(e),
                    null, e);
        }
    }
}
