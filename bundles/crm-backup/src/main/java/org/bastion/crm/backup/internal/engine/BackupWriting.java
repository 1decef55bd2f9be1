package org.bastion.crm.backup.internal.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.api.crypto.BackupKeys;
import org.bastion.crm.backup.internal.archive.ArchiveFormat;
import org.bastion.crm.backup.internal.archive.ArchiveHeader;
import org.bastion.crm.backup.internal.archive.ArchiveWriter;
import org.bastion.crm.backup.internal.archive.AtomicArchive;
import org.bastion.crm.backup.internal.archive.ManifestCodec;
import org.bastion.crm.backup.internal.archive.PartOutput;
import org.bastion.crm.backup.internal.engine.BackupFailure.Reason;
import org.bastion.crm.backup.internal.tables.SqlNames;
import org.bastion.crm.backup.internal.tables.Snapshot;
import org.bastion.crm.backup.internal.tables.TableDump;

/** Takes a backup: every participant's tables from one snapshot into a new archive, written atomically. */
final class BackupWriting {

    private static final Pattern PARTICIPANT_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final SealedKeys keys;
    private final AtomicArchive atomic;
    private final Clock clock;
    private final String productVersion;

    BackupWriting(DataSource dataSource, SealedKeys keys, AtomicArchive atomic, Clock clock, String productVersion) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.atomic = atomic;
        this.clock = clock;
        this.productVersion = productVersion;
    }

    /** The file name of a backup: {@code crm-backup-<UTC time>-<id>.cbk}. */
    static String fileName(Instant createdAt, UUID id) {
        return "crm-backup-" + STAMP.format(createdAt) + "-" + id + ".cbk";
    }

    BackupEngine.Written backup(Path directory, String trigger, List<BackupParticipant> participants,
            BackupProgress progress) {
        checkDirectory(directory);
        BackupKeys.ArchiveKey key = keys.newKey();
        UUID id = UUID.randomUUID();
        Instant createdAt = clock.instant();
        Path file = directory.resolve(fileName(createdAt, id));
        String part = null;
        String[] current = {null};
        try (Snapshot snapshot = Snapshot.open(dataSource)) {
            Connection connection = snapshot.connection();
            List<BackupManifest.Participant> planned = new ArrayList<>();
            long total = 0;
            for (BackupParticipant participant : participants) {
                List<BackupManifest.Table> tables = new ArrayList<>();
                for (String table : participant.tables()) {
                    part = checkedName(participant) + "/" + SqlNames.checked(table);
                    total += count(connection, SqlNames.checked(table));
                    tables.add(new BackupManifest.Table(SqlNames.checked(table), part, -1, -1, ""));
                }
                part = participant.name();
                int version = SchemaVersions.applied(connection, participant.schemaComponent());
                planned.add(new BackupManifest.Participant(participant.name(), participant.schemaComponent(), version,
                        List.copyOf(tables)));
            }
            BackupManifest opening = new BackupManifest(ArchiveFormat.FORMAT_VERSION, id, createdAt, productVersion,
                    snapshot.database(), trigger, List.copyOf(planned));
            long all = total;
            BackupManifest manifest = atomic.write(file, out -> write(out, key, opening, connection, all, progress,
                    current));
            return new BackupEngine.Written(file, Files.size(file), manifest);
        } catch (DumpFailed e) {
            SQLException cause = (SQLException) e.getCause();
            throw new BackupFailure(Reason.DATABASE, "reading " + current[0] + " failed: "
                    + SqlProblems.describe(cause), current[0], cause);
        } catch (SQLException e) {
            throw new BackupFailure(Reason.DATABASE, (part == null ? "the database" : "reading " + part)
                    + " failed: " + SqlProblems.describe(e), part, e);
        } catch (IllegalArgumentException e) {
            throw new BackupFailure(Reason.DATABASE, "a participant cannot be backed up: " + e.getMessage(), part, e);
        } catch (IOException e) {
            throw new BackupFailure(Reason.STORAGE, "writing the backup failed: " + e.getMessage(), null, e);
        }
    }

    private BackupManifest write(OutputStream out, BackupKeys.ArchiveKey key, BackupManifest opening,
            Connection connection, long total, BackupProgress progress, String[] current) throws IOException {
        ArchiveWriter writer = new ArchiveWriter(out,
                new ArchiveHeader(ArchiveFormat.FORMAT_VERSION, ArchiveFormat.KIND_DATA, key.sealed()), key.key());
        try (PartOutput first = writer.part(0)) {
            first.write(ManifestCodec.encode(opening));
        }
        List<BackupManifest.Participant> written = new ArrayList<>();
        int number = 0;
        long before = 0;
        for (BackupManifest.Participant participant : opening.participants()) {
            List<BackupManifest.Table> tables = new ArrayList<>();
            for (BackupManifest.Table table : participant.tables()) {
                current[0] = table.part();
                PartOutput part = writer.part(++number);
                long base = before;
                long rows;
                try {
                    rows = TableDump.write(connection, table.table(), part, done -> {
                        if (done % 1000 == 0) {
                            progress.advanced(table.part(), base + done, total);
                        }
                    });
                } catch (SQLException e) {
                    throw new DumpFailed(e);
                }
                part.close();
                before += rows;
                progress.advanced(table.part(), before, total);
                tables.add(new BackupManifest.Table(table.table(), table.part(), rows, part.bytes(), part.sha256()));
            }
            written.add(new BackupManifest.Participant(participant.name(), participant.schemaComponent(),
                    participant.schemaVersion(), List.copyOf(tables)));
        }
        BackupManifest manifest = new BackupManifest(opening.formatVersion(), opening.id(), opening.createdAt(),
                opening.productVersion(), opening.database(), opening.trigger(), List.copyOf(written));
        writer.finish(number + 1, ManifestCodec.encode(manifest));
        return manifest;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String checkedName(BackupParticipant participant) {
        if (!PARTICIPANT_NAME.matcher(participant.name()).matches()) {
            throw new IllegalArgumentException("participant name must be lower-case letters, digits and dashes: "
                    + participant.name());
        }
        return participant.name();
    }

    private static void checkDirectory(Path directory) {
        if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
            throw new BackupFailure(Reason.STORAGE, "the backup directory " + directory
                    + " is missing, not a directory or not writable");
        }
    }

    /** A table read failure carried out of the archive writer (which only throws IOException). */
    private static final class DumpFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DumpFailed(SQLException cause) {
            super(cause);
        }
    }
}
