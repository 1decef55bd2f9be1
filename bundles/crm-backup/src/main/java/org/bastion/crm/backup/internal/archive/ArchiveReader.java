package org.bastion.crm.backup.internal.archive;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.function.IntFunction;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.bastion.crm.backup.internal.engine.BackupFailure;
import org.bastion.crm.backup.internal.engine.BackupFailure.Reason;

/**
 * Reads the frames of an archive after its header, in order, authenticating each: a frame that fails names its part
 * (DAMAGED), an archive that ends before its final frame is TRUNCATED.
 */
public final class ArchiveReader {

    /** One authenticated frame. */
    public record Frame(byte type, int part, byte[] plaintext) {
    }

    private final DataInputStream in;
    private final SecretKey key;
    private final byte[] headerDigest;
    private IntFunction<String> partNames = part -> part == 0 ? "the opening frame" : "part " + part;
    private long frameIndex;
    private int lastPart;
    private Frame pushedBack;
    private boolean finished;

    /** Reads frames from {@code in}, positioned just after {@code header}, with the opened archive key. */
    public ArchiveReader(InputStream in, ArchiveHeader header, SecretKey key) {
        this.in = new DataInputStream(in);
        this.key = key;
        this.headerDigest = header.digest();
    }

    /** How errors name a part number (set once the opening frame told the parts' names). */
    public void namePartsWith(IntFunction<String> names) {
        this.partNames = names;
    }

    /** The name of part {@code number} in messages. */
    public String nameOf(int number) {
        return partNames.apply(number);
    }

    /** The next frame, authenticated. */
    public Frame next() throws IOException {
        if (pushedBack != null) {
            Frame frame = pushedBack;
            pushedBack = null;
            return frame;
        }
        if (finished) {
            throw new IllegalStateException("the final frame was read");
        }
        byte type;
        int part;
        byte[] ciphertext;
        try {
            type = in.readByte();
            part = in.readInt();
            int length = in.readInt();
            if ((type != ArchiveFormat.FRAME_DATA && type != ArchiveFormat.FRAME_FINAL) || length < 16
                    || length > ArchiveFormat.MAX_FRAME_CIPHERTEXT) {
                throw damaged(lastPart, "a frame header is malformed");
            }
            ciphertext = in.readNBytes(length);
            if (ciphertext.length < length) {
                throw new EOFException();
            }
        } catch (EOFException e) {
            throw new BackupFailure(Reason.TRUNCATED, "the backup is cut short in or after " + nameOf(lastPart)
                    + ": its final frame is missing", nameOf(lastPart), null);
        }
        int named = part == lastPart || part == lastPart + 1 ? part : lastPart + 1;
        byte[] plaintext = decrypt(type, part, ciphertext, named);
        lastPart = part;
        frameIndex++;
        if (type == ArchiveFormat.FRAME_FINAL) {
            finished = true;
            if (in.read() != -1) {
                throw damaged(part, "data follows the final frame");
            }
        }
        return new Frame(type, part, plaintext);
    }

    /** Gives {@code frame} back: the next {@link #next()} returns it again. */
    public void pushBack(Frame frame) {
        this.pushedBack = frame;
    }

    /** The plaintext of part {@code number}, which must come next; reading it consumes its frames. */
    public PartInput part(int number) throws IOException {
        Frame first = next();
        if (first.type() != ArchiveFormat.FRAME_DATA || first.part() != number) {
            throw damaged(number, nameOf(number) + " is missing");
        }
        return new PartInput(this, first);
    }

    private byte[] decrypt(byte type, int part, byte[] ciphertext, int named) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(ArchiveFormat.TAG_BITS,
                    ArchiveFormat.nonce(frameIndex)));
            cipher.updateAAD(ArchiveFormat.associatedData(headerDigest, frameIndex, type, part));
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw damaged(named, "frame " + frameIndex + " of " + nameOf(named)
                    + " fails authentication (changed, moved or from another backup)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** A DAMAGED failure naming part {@code number}. */
    public BackupFailure damaged(int number, String message) {
        return new BackupFailure(Reason.DAMAGED, "the backup is damaged: " + message, nameOf(number), null);
    }
}
