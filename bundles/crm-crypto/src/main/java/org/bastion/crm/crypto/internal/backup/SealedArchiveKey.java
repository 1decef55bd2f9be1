package org.bastion.crm.crypto.internal.backup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The sealed form of an archive key, as it stands in a backup's header: magic {@code CRMBK}, format 1, the backup data
 * key version, the master key version, the backup data key wrapped by that master key version, and the archive key
 * wrapped by the backup data key (RFC 5649 both). Nothing in it is secret without the master keystore.
 *
 * @param backupVersion the backup data key version that wraps the archive key
 * @param masterVersion the master key version that wraps the backup data key
 * @param wrappedDataKey the backup data key, wrapped by the master key
 * @param wrappedArchiveKey the archive key, wrapped by the backup data key
 */
public record SealedArchiveKey(int backupVersion, int masterVersion, byte[] wrappedDataKey, byte[] wrappedArchiveKey) {

    private static final byte[] MAGIC = {'C', 'R', 'M', 'B', 'K'};
    private static final int FORMAT = 1;
    private static final int MAX_WRAPPED = 256;

    /** The bytes of this form. */
    public byte[] bytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeByte(FORMAT);
            out.writeInt(backupVersion);
            out.writeInt(masterVersion);
            out.writeShort(wrappedDataKey.length);
            out.write(wrappedDataKey);
            out.writeShort(wrappedArchiveKey.length);
            out.write(wrappedArchiveKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a sealed form.
     *
     * @throws IllegalArgumentException when the bytes are not one
     */
    public static SealedArchiveKey parse(byte[] sealed) {
        if (sealed == null) {
            throw new IllegalArgumentException("the sealed backup key is missing");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(sealed))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException("the sealed backup key is not one (wrong magic)");
            }
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("the sealed backup key has format " + format
                        + ", this version reads format " + FORMAT);
            }
            int backupVersion = in.readInt();
            int masterVersion = in.readInt();
            byte[] dataKey = readWrapped(in);
            byte[] archiveKey = readWrapped(in);
            if (in.available() > 0 || backupVersion < 1 || masterVersion < 1) {
                throw new IllegalArgumentException("the sealed backup key is malformed");
            }
            return new SealedArchiveKey(backupVersion, masterVersion, dataKey, archiveKey);
        } catch (IOException e) {
            throw new IllegalArgumentException("the sealed backup key is truncated");
        }
    }

    private static byte[] readWrapped(DataInputStream in) throws IOException {
        int length = in.readUnsignedShort();
        if (length == 0 || length > MAX_WRAPPED) {
            throw new IllegalArgumentException("the sealed backup key is malformed (wrapped key of " + length + " bytes)");
        }
        byte[] wrapped = in.readNBytes(length);
        if (wrapped.length != length) {
            throw new IOException("truncated");
        }
        return wrapped;
    }
}
