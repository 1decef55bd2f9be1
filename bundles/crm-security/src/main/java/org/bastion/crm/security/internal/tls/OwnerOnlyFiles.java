package org.bastion.crm.security.internal.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes secret files the safe way: the bytes go to a new temporary file beside the target (owner read/write only where
 * the file system supports POSIX permissions), are forced to disk, and only then does the caller's step make the
 * temporary file the target; the temporary file is gone afterwards, whatever happened.
 */
final class OwnerOnlyFiles {

    /** How a written temporary file becomes the target (a move that replaces, a link that never does). */
    @FunctionalInterface
    interface Publish {
        void publish(Path temporary, Path target) throws IOException;
    }

    private OwnerOnlyFiles() {
    }

    /** Writes {@code content} to an owner-only temporary file beside {@code target}, then lets {@code publish} place it. */
    static void write(Path target, byte[] content, Publish publish) throws IOException {
        Path directory = target.getParent();
        boolean posix = Files.getFileStore(directory).supportsFileAttributeView("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp", ownerOnly);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            publish.publish(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
