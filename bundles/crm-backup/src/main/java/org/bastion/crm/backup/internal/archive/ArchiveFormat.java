package org.bastion.crm.backup.internal.archive;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The constants of the archive container (format version 1) and the nonce and associated data of a frame. */
public final class ArchiveFormat {

    /** The first 8 bytes of every archive. */
    public static final byte[] MAGIC = "BSTNCRMB".getBytes(StandardCharsets.US_ASCII);

    /** The container format this code writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    /** The kind byte of a data backup. */
    public static final byte KIND_DATA = 'D';

    /** The kind byte of a key backup ({@code record-keys.cbk}). */
    public static final byte KIND_KEYS = 'K';

    /** Frame type of a frame carrying part data. */
    public static final byte FRAME_DATA = 1;

    /** Frame type of the last frame (the manifest): without it an archive is truncated. */
    public static final byte FRAME_FINAL = 2;

    /** The most plaintext one frame carries. */
    public static final int FRAME_PLAINTEXT = 64 * 1024;

    /** The largest ciphertext a reader accepts in one frame (the final frame may exceed a data frame). */
    public static final int MAX_FRAME_CIPHERTEXT = 16 * 1024 * 1024;

    /** The GCM tag length in bits. */
    public static final int TAG_BITS = 128;

    /** The largest sealed key a header may carry. */
    public static final int MAX_SEALED_KEY = 4096;

    private ArchiveFormat() {
    }

    /** The 12-byte GCM nonce of frame {@code index}: four zero bytes, then the index (the key is fresh per archive). */
    static byte[] nonce(long index) {
        return ByteBuffer.allocate(12).putInt(0).putLong(index).array();
    }

    /** What each frame authenticates beyond its ciphertext: the header's digest, its index, type and part. */
    static byte[] associatedData(byte[] headerDigest, long index, byte type, int part) {
        return ByteBuffer.allocate(headerDigest.length + 8 + 1 + 4).put(headerDigest).putLong(index).put(type)
                .putInt(part).array();
    }
}
