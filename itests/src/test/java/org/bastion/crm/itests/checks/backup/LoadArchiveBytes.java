package org.bastion.crm.itests.checks.backup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * Backup files as another installation or a newer version would write them, made from a good archive by rewriting its
 * plaintext header (docs/backup-format.md): magic {@code BSTNCRMB}, format version (2 bytes), kind, the sealed archive
 * key (2-byte length, then magic {@code CRMBK}, format, backup and master key versions, the backup data key wrapped by
 * the master key and the archive key wrapped by the backup data key, each with a 2-byte length).
 */
final class LoadArchiveBytes {

    private static final byte[] MAGIC = "BSTNCRMB".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION_OFFSET = MAGIC.length;
    private static final int SEALED_LENGTH_OFFSET = VERSION_OFFSET + 2 + 1;
    private static final int SEALED_OFFSET = SEALED_LENGTH_OFFSET + 2;
    private static final int SEALED_KEY_PREFIX = 5 + 1 + 4 + 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LoadArchiveBytes() {
    }

    /** The archive with a format version one above the one it was written in, as a newer CRM would write it. */
    static byte[] newerFormat(byte[] archive) {
        requireArchive(archive);
        byte[] copy = archive.clone();
        int version = ByteBuffer.wrap(copy, VERSION_OFFSET, 2).getShort() & 0xffff;
        ByteBuffer.wrap(copy, VERSION_OFFSET, 2).putShort((short) (version + 1));
        return copy;
    }

    /**
     * The archive with its backup data key wrapped (RFC 5649, as the master key wraps it) by a master key of another
     * keystore under the same key versions: what a backup of another installation looks like to this one.
     */
    static byte[] sealedUnderAnotherKeystore(byte[] archive) {
        requireArchive(archive);
        int sealedLength = ByteBuffer.wrap(archive, SEALED_LENGTH_OFFSET, 2).getShort() & 0xffff;
        byte[] sealed = Arrays.copyOfRange(archive, SEALED_OFFSET, SEALED_OFFSET + sealedLength);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(sealed))) {
            byte[] prefix = in.readNBytes(SEALED_KEY_PREFIX);
            byte[] wrappedDataKey = in.readNBytes(in.readUnsignedShort());
            byte[] wrappedArchiveKey = in.readNBytes(in.readUnsignedShort());
            byte[] foreignWrap = wrapUnderAnotherMasterKey(wrappedDataKey.length);
            ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(rebuilt)) {
                out.write(prefix);
                out.writeShort(foreignWrap.length);
                out.write(foreignWrap);
                out.writeShort(wrappedArchiveKey.length);
                out.write(wrappedArchiveKey);
            }
            byte[] newSealed = rebuilt.toByteArray();
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            file.write(archive, 0, SEALED_LENGTH_OFFSET);
            file.write(newSealed.length >>> 8);
            file.write(newSealed.length & 0xff);
            file.write(newSealed);
            file.write(archive, SEALED_OFFSET + sealedLength, archive.length - SEALED_OFFSET - sealedLength);
            return file.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A random 256-bit key wrapped by another random 256-bit key (AES key wrap with padding, RFC 5649). */
    private static byte[] wrapUnderAnotherMasterKey(int expectedLength) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            SecretKey otherMaster = generator.generateKey();
            int keyBytes = Math.max(16, expectedLength - 8);
            byte[] dataKey = new byte[keyBytes];
            RANDOM.nextBytes(dataKey);
            Cipher wrap = Cipher.getInstance("AES/KWP/NoPadding");
            wrap.init(Cipher.WRAP_MODE, otherMaster);
            return wrap.wrap(new javax.crypto.spec.SecretKeySpec(dataKey, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot wrap keys with AES/KWP", e);
        }
    }

    private static void requireArchive(byte[] archive) {
        if (archive.length < SEALED_OFFSET || !Arrays.equals(Arrays.copyOf(archive, MAGIC.length), MAGIC)) {
            throw new AssertionError("not a backup archive of the documented format (magic " + new String(MAGIC,
                    StandardCharsets.US_ASCII) + "): the test's picture of the header is out of date");
        }
    }
}
