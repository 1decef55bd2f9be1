package org.bastion.crm.backup.internal.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that it is either complete under its name or absent: written as {@code <name>.partial}, synced,
 * renamed atomically, the directory synced; on any failure the partial file is removed and nothing else is touched.
 */
public final class AtomicArchive {

    /** The suffix of a file being written. */
    public static final String PARTIAL_SUFFIX = ".partial";

    /** What writes the file's content. */
    @FunctionalInterface
    public interface Content<T> {
        T writeTo(OutputStream out) throws IOException;
    }

    private final ArchiveFiles files;

    public AtomicArchive(ArchiveFiles files) {
        this.files = files;
    }

    /**
     * Writes {@code target} with {@code content}, replacing an existing file atomically.
     *
     * @return what the content returned
     * @throws IOException when writing, syncing or renaming failed (the partial file is then gone)
     */
    public <T> T write(Path target, Content<T> content) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + PARTIAL_SUFFIX);
        try {
            T result;
            try (ArchiveFiles.Target file = files.create(partial)) {
                OutputStream out = new BufferedOutputStream(file.stream(), 256 * 1024);
                result = content.writeTo(out);
                out.flush();
                file.sync();
            }
            move(partial, target);
            syncDirectory(target.toAbsolutePath().getParent());
            return result;
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException | UncheckedIOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some platforms cannot open a directory; the rename is still atomic there
        }
    }
}
