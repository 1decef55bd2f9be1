package org.bastion.crm.backup.internal.engine;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.SecretKey;

import org.bastion.crm.backup.internal.archive.ArchiveFormat;
import org.bastion.crm.backup.internal.archive.ArchiveHeader;
import org.bastion.crm.backup.internal.archive.ArchiveReader;
import org.bastion.crm.backup.internal.archive.ManifestCodec;
import org.bastion.crm.backup.internal.archive.PartInput;
import org.bastion.crm.backup.internal.engine.BackupFailure.Reason;

/**
 * Reads an archive from end to end: header, opening frame, every part in order (handed to a visitor), the final
 * manifest; checks each part's bytes, SHA-256 and rows against the manifest and names the part that differs.
 */
final class ArchiveScan {

    /** What is done with each part while it is read. */
    interface PartVisitor {

        /** Called once the opening frame was read, before the first part. */
        default void opening(BackupManifest opening) throws SQLException {
        }

        /** Reads (some of) a part; returns its row count, or -1 when it did not count rows. */
        long part(BackupManifest.Participant participant, BackupManifest.Table table, PartInput in)
                throws IOException, SQLException;
    }

    private final SealedKeys keys;

    ArchiveScan(SealedKeys keys) {
        this.keys = keys;
    }

    /**
     * Scans {@code file}.
     *
     * @param kind       the archive kind expected
     * @param loadReason the reason a visitor's SQLException is reported with
     * @return the manifest of the final frame
     */
    BackupManifest scan(Path file, byte kind, PartVisitor visitor, Reason loadReason) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 256 * 1024)) {
            ArchiveHeader header = ArchiveHeader.read(in, kind);
            SecretKey key = keys.open(header.sealedKey());
            return scan(new ArchiveReader(in, header, key), visitor, loadReason);
        } catch (NoSuchFileException e) {
            throw new BackupFailure(Reason.NOT_A_BACKUP, "there is no backup file " + file.getFileName());
        } catch (IOException e) {
            throw new BackupFailure(Reason.STORAGE, "the backup file cannot be read: " + e.getMessage(), null, e);
        }
    }

    private static BackupManifest scan(ArchiveReader reader, PartVisitor visitor, Reason loadReason)
            throws IOException {
        BackupManifest opening = decode(reader, reader.part(0).readAllBytes(), 0);
        List<String> parts = new ArrayList<>();
        opening.participants().forEach(p -> p.tables().forEach(t -> parts.add(t.part())));
        reader.namePartsWith(n -> n == 0 ? "the opening frame" : n <= parts.size() ? parts.get(n - 1) : "the manifest");
        call(() -> visitor.opening(opening), null, loadReason, reader, 0);
        List<BackupManifest.Table> found = new ArrayList<>();
        int number = 0;
        for (BackupManifest.Participant participant : opening.participants()) {
            for (BackupManifest.Table table : participant.tables()) {
                number++;
                PartInput in = reader.part(number);
                long[] rows = {-1};
                call(() -> rows[0] = visitor.part(participant, table, in), table.part(), loadReason, reader, number);
                in.drain();
                found.add(new BackupManifest.Table(table.table(), table.part(), rows[0], in.bytes(), in.sha256()));
            }
        }
        ArchiveReader.Frame last = reader.next();
        if (last.type() != ArchiveFormat.FRAME_FINAL || last.part() != number + 1) {
            throw reader.damaged(last.part(), "a frame stands where the manifest belongs");
        }
        BackupManifest manifest = decode(reader, last.plaintext(), number + 1);
        compare(reader, opening, manifest, found);
        return manifest;
    }

    private static void compare(ArchiveReader reader, BackupManifest opening, BackupManifest manifest,
            List<BackupManifest.Table> found) {
        List<BackupManifest.Table> listed = manifest.participants().stream().flatMap(p -> p.tables().stream()).toList();
        if (!manifest.id().equals(opening.id()) || listed.size() != found.size()) {
            throw reader.damaged(found.size() + 1, "the manifest does not match the opening frame");
        }
        for (int i = 0; i < found.size(); i++) {
            BackupManifest.Table expected = listed.get(i);
            BackupManifest.Table actual = found.get(i);
            boolean rowsDiffer = actual.rows() >= 0 && actual.rows() != expected.rows();
            if (!expected.part().equals(actual.part()) || expected.bytes() != actual.bytes()
                    || !expected.sha256().equals(actual.sha256()) || rowsDiffer) {
                throw reader.damaged(i + 1, actual.part() + " differs from its checksum or row count in the manifest");
            }
        }
    }

    private static BackupManifest decode(ArchiveReader reader, byte[] bytes, int part) {
        try {
            return ManifestCodec.decode(bytes);
        } catch (IOException e) {
            throw reader.damaged(part, reader.nameOf(part) + " is malformed");
        }
    }

    private interface Work {
        void run() throws IOException, SQLException;
    }

    private static void call(Work work, String part, Reason loadReason, ArchiveReader reader, int number) {
        try {
            work.run();
        } catch (IOException e) {
            throw reader.damaged(number, reader.nameOf(number) + " is malformed");
        } catch (SQLException e) {
            throw new BackupFailure(loadReason, (part == null ? "the backup's schema" : part) + " does not load: "
                    + SqlProblems.describe(e), part, e);
        }
    }
}
