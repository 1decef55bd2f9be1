package org.bastion.crm.backup.internal.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.bastion.crm.api.crypto.BackupKeys;
import org.bastion.crm.api.crypto.RecordKeyBackup;
import org.bastion.crm.backup.internal.archive.ArchiveFormat;
import org.bastion.crm.backup.internal.archive.ArchiveHeader;
import org.bastion.crm.backup.internal.archive.ArchiveWriter;
import org.bastion.crm.backup.internal.archive.AtomicArchive;
import org.bastion.crm.backup.internal.archive.ManifestCodec;
import org.bastion.crm.backup.internal.archive.PartOutput;
import org.bastion.crm.backup.internal.engine.BackupFailure.Reason;

/**
 * The key backup {@code record-keys.cbk}: an archive of kind {@code K} whose one part is the export of the record keys
 * ({@link RecordKeyBackup#export}), rewritten atomically, and read back (checked whole first) for records without a key.
 */
final class KeyBackupFile {

    /** The key backup's file name in the backup directory. */
    static final String FILE_NAME = "record-keys.cbk";

    private static final String PARTICIPANT = "record-keys";
    private static final String TABLE = "crm_record_key";

    private final RecordKeyBackup recordKeys;
    private final SealedKeys keys;
    private final AtomicArchive atomic;
    private final ArchiveScan scan;
    private final Clock clock;
    private final String productVersion;

    KeyBackupFile(RecordKeyBackup recordKeys, SealedKeys keys, AtomicArchive atomic, ArchiveScan scan, Clock clock,
            String productVersion) {
        this.recordKeys = recordKeys;
        this.keys = keys;
        this.atomic = atomic;
        this.scan = scan;
        this.clock = clock;
        this.productVersion = productVersion;
    }

    long write(Path directory) {
        if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
            throw new BackupFailure(Reason.STORAGE, "the backup directory " + directory
                    + " is missing, not a directory or not writable");
        }
        BackupKeys.ArchiveKey key = keys.newKey();
        BackupManifest opening = manifest(UUID.randomUUID(), clock.instant(), -1, -1, "");
        try {
            return atomic.write(directory.resolve(FILE_NAME), out -> {
                ArchiveWriter writer = new ArchiveWriter(out,
                        new ArchiveHeader(ArchiveFormat.FORMAT_VERSION, ArchiveFormat.KIND_KEYS, key.sealed()),
                        key.key());
                try (PartOutput first = writer.part(0)) {
                    first.write(ManifestCodec.encode(opening));
                }
                PartOutput part = writer.part(1);
                long count = recordKeys.export(part);
                part.close();
                writer.finish(2, ManifestCodec.encode(manifest(opening.id(), opening.createdAt(), count, part.bytes(), part.sha256())));
                return count;
            });
        } catch (IOException e) {
            throw new BackupFailure(Reason.STORAGE, "writing the key backup failed: " + e.getMessage(), null, e);
        }
    }

    long restore(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        scan.scan(file, ArchiveFormat.KIND_KEYS, (participant, table, in) -> -1, Reason.DAMAGED);
        long[] restored = {0};
        scan.scan(file, ArchiveFormat.KIND_KEYS, (participant, table, in) -> {
            restored[0] = recordKeys.restoreMissing(in);
            return -1;
        }, Reason.DATABASE);
        return restored[0];
    }

    private BackupManifest manifest(UUID id, java.time.Instant createdAt, long rows, long bytes, String sha256) {
        BackupManifest.Table table = new BackupManifest.Table(TABLE, PARTICIPANT + "/" + TABLE, rows, bytes, sha256);
        return new BackupManifest(ArchiveFormat.FORMAT_VERSION, id, createdAt, productVersion, "keys", "keys",
                List.of(new BackupManifest.Participant(PARTICIPANT, PARTICIPANT, 1, List.of(table))));
    }
}
