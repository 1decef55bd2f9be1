package org.bastion.crm.backup.internal.archive;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Writes an archive: the header, then numbered parts as AES-256-GCM frames of at most
 * {@link ArchiveFormat#FRAME_PLAINTEXT} bytes, then one final frame. Parts are written one after the other.
 */
public final class ArchiveWriter {

    private final DataOutputStream out;
    private final SecretKey key;
    private final byte[] headerDigest;
    private long frameIndex;
    private boolean finished;

    /** Writes {@code header} to {@code out} at once; {@code key} is the archive key the header seals. */
    public ArchiveWriter(OutputStream out, ArchiveHeader header, SecretKey key) throws IOException {
        this.out = new DataOutputStream(out);
        this.key = key;
        this.headerDigest = header.digest();
        this.out.write(header.bytes());
    }

    /** A stream of part {@code number}'s plaintext: frames are written as it fills; close it to end the part. */
    public PartOutput part(int number) {
        if (finished) {
            throw new IllegalStateException("the archive is finished");
        }
        return new PartOutput(this, number);
    }

    /** Writes the final frame (the manifest) and flushes; the archive is complete after it. */
    public void finish(int part, byte[] plaintext) throws IOException {
        writeFrame(ArchiveFormat.FRAME_FINAL, part, plaintext, 0, plaintext.length);
        finished = true;
        out.flush();
    }

    void writeFrame(byte type, int part, byte[] plaintext, int offset, int length) throws IOException {
        byte[] ciphertext;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(ArchiveFormat.TAG_BITS,
                    ArchiveFormat.nonce(frameIndex)));
            cipher.updateAAD(ArchiveFormat.associatedData(headerDigest, frameIndex, type, part));
            ciphertext = cipher.doFinal(plaintext, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed: " + e.getClass().getSimpleName(), e);
        }
        out.writeByte(type);
        out.writeInt(part);
        out.writeInt(ciphertext.length);
        out.write(ciphertext);
        frameIndex++;
    }
}
