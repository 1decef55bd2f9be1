package org.bastion.crm.crypto.internal.shell;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;

import org.bastion.crm.api.ValidationException;

/**
 * Reads a passphrase from a file for scripted unlocking: UTF-8, one trailing line break ignored, never turned into a
 * String, every intermediate buffer wiped.
 */
final class PassphraseFile {

    /** The option the errors name. */
    static final String FIELD = "passphrase-file";

    /** A passphrase file larger than this is surely the wrong file. */
    static final long MAX_BYTES = 4096;

    private PassphraseFile() {
    }

    /** The passphrase in {@code file}; the caller wipes the array. */
    static char[] read(Path file) {
        byte[] bytes = readBytes(file);
        CharBuffer chars = null;
        try {
            chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            int length = withoutLineBreak(chars);
            if (length == 0) {
                throw ValidationException.of(FIELD, file + " is empty");
            }
            char[] passphrase = new char[length];
            chars.get(passphrase, 0, length);
            return passphrase;
        } catch (CharacterCodingException e) {
            throw ValidationException.of(FIELD, file + " is not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (chars != null) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }

    /**
     * Whether users other than the owner and the group may read {@code file} (false where there are no POSIX permissions).
     *
     * @throws ValidationException when its permissions cannot be read: an unknown answer is not taken as safe
     */
    static boolean readableByOthers(Path file) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (view == null) {
                return false;
            }
            Set<PosixFilePermission> permissions = view.readAttributes().permissions();
            return permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException e) {
            throw ValidationException.of(FIELD, "cannot read the permissions of " + file + " ("
                    + e.getClass().getSimpleName() + "); nothing unlocked");
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw ValidationException.of(FIELD, "no such file: " + file);
            }
            if (Files.size(file) > MAX_BYTES) {
                throw ValidationException.of(FIELD, file + " is larger than " + MAX_BYTES + " bytes; not a passphrase file");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw ValidationException.of(FIELD, "no such file: " + file);
        } catch (AccessDeniedException e) {
            throw ValidationException.of(FIELD, "not allowed to read " + file);
        } catch (IOException e) {
            throw ValidationException.of(FIELD, "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The number of characters before one trailing {@code \n} or {@code \r\n}. */
    private static int withoutLineBreak(CharBuffer chars) {
        int length = chars.remaining();
        if (length > 0 && chars.get(chars.position() + length - 1) == '\n') {
            length--;
            if (length > 0 && chars.get(chars.position() + length - 1) == '\r') {
                length--;
            }
        }
        return length;
    }
}
