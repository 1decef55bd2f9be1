package org.bastion.crm.backup.internal.archive;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import org.bastion.crm.backup.internal.engine.BackupFailure;
import org.bastion.crm.backup.internal.engine.BackupFailure.Reason;

/**
 * The plaintext header of an archive: magic, format version, kind and the sealed archive key; every frame
 * authenticates its SHA-256 digest.
 *
 * @param formatVersion the container format version
 * @param kind          {@link ArchiveFormat#KIND_DATA} or {@link ArchiveFormat#KIND_KEYS}
 * @param sealedKey     the archive key as sealed by {@code BackupKeys}
 */
public record ArchiveHeader(int formatVersion, byte kind, byte[] sealedKey) {

    /** The header's bytes as written at the start of the archive. */
    public byte[] bytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(ArchiveFormat.MAGIC);
            out.writeShort(formatVersion);
            out.writeByte(kind);
            out.writeShort(sealedKey.length);
            out.write(sealedKey);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return buffer.toByteArray();
    }

    /** The SHA-256 of {@link #bytes()}. */
    public byte[] digest() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Reads a header.
     *
     * @throws BackupFailure NOT_A_BACKUP (wrong magic, kind or a cut header) or NEWER_VERSION (a newer format)
     */
    public static ArchiveHeader read(InputStream stream, byte expectedKind) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        try {
            byte[] magic = in.readNBytes(ArchiveFormat.MAGIC.length);
            if (!Arrays.equals(magic, ArchiveFormat.MAGIC)) {
                throw new BackupFailure(Reason.NOT_A_BACKUP, "the file is not a Bastion CRM backup");
            }
            int version = in.readUnsignedShort();
            if (version > ArchiveFormat.FORMAT_VERSION) {
                throw new BackupFailure(Reason.NEWER_VERSION, "the file was written in archive format " + version
                        + ", newer than this version reads (" + ArchiveFormat.FORMAT_VERSION + ")");
            }
            byte kind = in.readByte();
            if (kind != expectedKind || version < 1) {
                throw new BackupFailure(Reason.NOT_A_BACKUP, kind == ArchiveFormat.KIND_KEYS
                        ? "the file is a key backup, not a data backup"
                        : "the file is not a Bastion CRM " + (expectedKind == ArchiveFormat.KIND_KEYS ? "key " : "")
                                + "backup");
            }
            int length = in.readUnsignedShort();
            if (length == 0 || length > ArchiveFormat.MAX_SEALED_KEY) {
                throw new BackupFailure(Reason.NOT_A_BACKUP, "the file's header is malformed");
            }
            byte[] sealed = in.readNBytes(length);
            if (sealed.length < length) {
                throw new EOFException();
            }
            return new ArchiveHeader(version, kind, sealed);
        } catch (EOFException e) {
            throw new BackupFailure(Reason.NOT_A_BACKUP, "the file is too short to be a backup");
        }
    }
}
