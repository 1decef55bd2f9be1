package org.bastion.crm.backup.internal.schedule;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Copies a finished file into the off-site directory so that it never looks complete before it is: under a temporary
 * name ({@code .<name>.copying}), synced to disk, then renamed over any previous copy, and the directory synced.
 */
public final class OffsiteCopy {

    /** The suffix of a copy in progress. */
    public static final String PARTIAL_SUFFIX = ".copying";

    private OffsiteCopy() {
    }

    /**
     * Copies {@code source} to {@code directory} under the same name (creating the directory).
     *
     * @return the copy
     * @throws IOException when the copy failed (its temporary file is removed)
     */
    public static Path copy(Path source, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(source.getFileName().toString());
        Path partial = directory.resolve("." + source.getFileName() + PARTIAL_SUFFIX);
        try {
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        syncDirectory(directory);
        return target;
    }

    /** Syncs a directory's entries where the platform allows it (Linux does; elsewhere it is skipped). */
    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not every platform opens directories; the rename is still atomic there
        }
    }
}
