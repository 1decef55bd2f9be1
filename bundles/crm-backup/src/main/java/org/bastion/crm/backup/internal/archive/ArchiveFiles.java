package org.bastion.crm.backup.internal.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where archive bytes go: a file opened for writing that can be synced to disk. Tests inject one that fails mid-write
 * (a full disk).
 */
public interface ArchiveFiles {

    /** An archive file being written. */
    interface Target extends AutoCloseable {

        /** The stream to write to (buffered by the caller). */
        OutputStream stream();

        /** Forces the written bytes to the disk. */
        void sync() throws IOException;

        @Override
        void close() throws IOException;
    }

    /** Creates {@code file} (it must not exist) for writing. */
    Target create(Path file) throws IOException;

    /** Files on the local file system, synced with {@link FileChannel#force(boolean)}. */
    ArchiveFiles LOCAL = file -> {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        OutputStream stream = Channels.newOutputStream(channel);
        return new Target() {
            @Override
            public OutputStream stream() {
                return stream;
            }

            @Override
            public void sync() throws IOException {
                channel.force(true);
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    };
}
