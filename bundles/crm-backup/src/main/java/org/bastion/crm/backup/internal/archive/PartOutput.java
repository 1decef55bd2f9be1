package org.bastion.crm.backup.internal.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The plaintext of one part on its way into frames; counts its bytes and computes its SHA-256. */
public final class PartOutput extends OutputStream {

    private final ArchiveWriter writer;
    private final int part;
    private final byte[] buffer = new byte[ArchiveFormat.FRAME_PLAINTEXT];
    private final MessageDigest sha256;
    private int filled;
    private long bytes;
    private boolean closed;

    PartOutput(ArchiveWriter writer, int part) {
        this.writer = writer;
        this.part = part;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        if (filled == buffer.length) {
            flushFrame();
        }
        buffer[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        while (length > 0) {
            if (filled == buffer.length) {
                flushFrame();
            }
            int chunk = Math.min(length, buffer.length - filled);
            System.arraycopy(data, offset, buffer, filled, chunk);
            filled += chunk;
            offset += chunk;
            length -= chunk;
        }
    }

    /** Ends the part: writes what is buffered as its last frame (a part always has at least one frame). */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            flushFrame();
        }
    }

    private void flushFrame() throws IOException {
        sha256.update(buffer, 0, filled);
        bytes += filled;
        writer.writeFrame(ArchiveFormat.FRAME_DATA, part, buffer, 0, filled);
        filled = 0;
    }

    /** The plaintext bytes written (complete after {@link #close()}). */
    public long bytes() {
        return bytes;
    }

    /** The SHA-256 of the plaintext, lower-case hex (after {@link #close()}). */
    public String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
