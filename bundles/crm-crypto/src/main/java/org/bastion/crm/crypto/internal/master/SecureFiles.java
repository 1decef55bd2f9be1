package org.bastion.crm.crypto.internal.master;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes secret files atomically and readable by their owner only: the content goes to a temporary file in the same
 * folder (created {@code rw-------} where the file system is POSIX; elsewhere the folder's own access rules apply),
 * is forced to disk, and is then moved into place in one step, so a crash leaves either the old file or the new one.
 */
public final class SecureFiles {

    private static final System.Logger LOG = System.getLogger(SecureFiles.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecureFiles() {
    }

    /**
     * Writes a file that must not exist yet.
     *
     * @throws FileAlreadyExistsException when it exists: an existing file is never overwritten
     */
    public static void createNew(Path target, byte[] content) throws IOException {
        Path temp = writeTemp(target, content);
        try {
            try {
                // a hard link fails atomically when the target exists, where a rename would replace it
                Files.createLink(target, temp);
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | FileSystemException e) {
                // no hard links on this file system: a move without REPLACE_EXISTING still refuses an existing target
                Files.move(temp, target);
            }
            syncFolder(target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Replaces a file (or writes it) in one atomic step. */
    public static void replace(Path target, byte[] content) throws IOException {
        Path temp = writeTemp(target, content);
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncFolder(target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Whether the file system of {@code file} has POSIX permissions. */
    public static boolean posix(Path file) throws IOException {
        Path existing = file.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class);
    }

    /** Whether a POSIX file can be read by its group or by others. */
    public static boolean readableByOthers(Path file) throws IOException {
        if (!posix(file)) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        return permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ);
    }

    private static Path writeTemp(Path target, byte[] content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        FileAttribute<?>[] attributes = posix(folder)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp", attributes);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    private static void syncFolder(Path target) {
        // makes the rename durable; Linux allows forcing a directory opened for reading, other systems may not
        try (FileChannel folder = FileChannel.open(target.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Cannot sync folder of " + target + ": " + e.getMessage());
        }
    }
}
