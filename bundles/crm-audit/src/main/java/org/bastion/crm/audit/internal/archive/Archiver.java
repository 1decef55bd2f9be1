package org.bastion.crm.audit.internal.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.bastion.crm.support.jdbc.Transactions;

/**
 * Moves the entries older than a cutoff out of the database into an archive file (readable by its owner only): it
 * writes the file up to the newest signed checkpoint before the cutoff (durably, under a temporary name, then
 * renamed), then moves the chain head's {@code archived_through}/{@code archived_hash} to that entry in one
 * transaction (verification starts there), then deletes the archived entries and checkpoints in chunks. A crash at
 * any step leaves a state the next run completes: a file rewritten under the same name, or rows at or below
 * {@code archived_through} deleted.
 */
public final class Archiver {

    /** Sequence numbers per read or delete, so no statement holds a million rows. */
    static final int CHUNK = 10_000;

    private final Transactions transactions;
    private final Path folder;
    private final RangeExport export;

    Archiver(Transactions transactions, Path folder, RangeExport export) {
        this.transactions = transactions;
        this.folder = folder;
        this.export = export;
    }

    /** What one run archived. */
    public record Result(Path file, long from, long through) {
    }

    /**
     * Archives the entries recorded before {@code cutoff} that end on a signed checkpoint.
     *
     * @return the archive written, or empty when nothing was old enough (or no checkpoint closes it yet)
     * @throws SQLException when the database fails (nothing leaves it then)
     * @throws UncheckedIOException when the file cannot be written (nothing leaves the database then)
     */
    public Optional<Result> archiveBefore(Instant cutoff) throws SQLException {
        deleteArchived();
        Optional<ArchiveCut> found = transactions.read(connection -> ArchiveCut.find(connection, cutoff));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ArchiveCut cut = found.get();
        Path file = write(cut);
        boolean moved = transactions.write(connection -> moveHead(connection, cut));
        if (!moved) {
            return Optional.empty();
        }
        deleteArchived();
        return Optional.of(new Result(file, cut.after() + 1, cut.through()));
    }

    /** The name of the archive file of entries {@code from} through {@code through}. */
    static String fileName(long from, long through) {
        return String.format("audit-%012d-%012d.ndjson", from, through);
    }

    private Path write(ArchiveCut cut) throws SQLException {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(fileName(cut.after() + 1, cut.through()));
            Path part = folder.resolve(file.getFileName() + ".part");
            Files.deleteIfExists(part);
            Files.createFile(part);
            ownerOnly(part);
            try (Writer out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                long written = export.export(cut.after() + 1, cut.through(), out);
                if (written != cut.size()) {
                    throw new IOException("the archive of entries " + (cut.after() + 1) + " to " + cut.through()
                            + " holds " + written + " entries instead of " + cut.size());
                }
            }
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            return Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the audit archive could not be written in " + folder, e);
        }
    }

    /** Makes {@code file} readable and writable by its owner only, where the file system has POSIX permissions. */
    private static void ownerOnly(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** Moves the head's archive mark to the cut, unless another run moved it first. */
    private static boolean moveHead(Connection connection, ArchiveCut cut) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE crm_audit_chain_head SET "
                + "archived_through = ?, archived_hash = ? WHERE id = 1 AND archived_through = ?")) {
            statement.setLong(1, cut.through());
            statement.setString(2, cut.throughHash());
            statement.setLong(3, cut.after());
            return statement.executeUpdate() == 1;
        }
    }

    /** Deletes, chunk by chunk, the entries and checkpoints at or below the head's archive mark. */
    private void deleteArchived() throws SQLException {
        long through = transactions.read(Archiver::archivedThrough);
        if (through == 0) {
            return;
        }
        transactions.write(connection -> delete(connection,
                "DELETE FROM crm_audit_checkpoint WHERE sequence_no <= ?", through));
        long lowest = transactions.read(Archiver::lowestSequence);
        for (long from = lowest; from > 0 && from <= through; from += CHUNK) {
            long upTo = Math.min(from + CHUNK - 1, through);
            long start = from;
            transactions.write(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(
                        "DELETE FROM crm_audit_entry WHERE sequence_no >= ? AND sequence_no <= ?")) {
                    statement.setLong(1, start);
                    statement.setLong(2, upTo);
                    return statement.executeUpdate();
                }
            });
        }
    }

    private static int delete(Connection connection, String sql, long through) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, through);
            return statement.executeUpdate();
        }
    }

    private static long archivedThrough(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT archived_through FROM crm_audit_chain_head WHERE id = 1");
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private static long lowestSequence(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT MIN(sequence_no) FROM crm_audit_entry");
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }
}
