package org.bastion.crm.backup.internal.archive;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The plaintext of one part, read frame by frame; counts its bytes and computes its SHA-256. */
public final class PartInput extends InputStream {

    private final ArchiveReader reader;
    private final int part;
    private final MessageDigest sha256;
    private byte[] current;
    private int position;
    private long bytes;
    private boolean ended;

    PartInput(ArchiveReader reader, ArchiveReader.Frame first) {
        this.reader = reader;
        this.part = first.part();
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        take(first);
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return current[position++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int chunk = Math.min(length, current.length - position);
        System.arraycopy(current, position, target, offset, chunk);
        position += chunk;
        return chunk;
    }

    /** Reads to the part's end (what the caller did not read still counts in the checksum). */
    public void drain() throws IOException {
        while (fill()) {
            position = current.length;
        }
    }

    /** The plaintext bytes of the part (complete after the part was read to its end). */
    public long bytes() {
        return bytes;
    }

    /** The SHA-256 of the part's plaintext, lower-case hex (after the part was read to its end). */
    public String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    private boolean fill() throws IOException {
        while (current == null || position == current.length) {
            if (ended) {
                return false;
            }
            ArchiveReader.Frame frame = reader.next();
            if (frame.type() != ArchiveFormat.FRAME_DATA || frame.part() != part) {
                reader.pushBack(frame);
                ended = true;
                return false;
            }
            take(frame);
        }
        return true;
    }

    private void take(ArchiveReader.Frame frame) {
        current = frame.plaintext();
        position = 0;
        bytes += current.length;
        sha256.update(current);
    }
}
