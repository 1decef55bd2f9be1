package org.bastion.crm.security.internal.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/**
 * Gets a new password without it ever appearing on the command line or the screen: typed twice at a masked prompt, or
 * read from a file in scripts (UTF-8, one trailing line break ignored). The password policy is the service's business.
 */
final class PasswordInput {

    /** The first masked prompt. */
    static final String PROMPT = "New password: ";
    /** The second masked prompt. */
    static final String REPEAT_PROMPT = "Repeat the password: ";
    /** The option the file errors name. */
    static final String FILE_OPTION = "password-file";
    /** A password file larger than this is surely the wrong file (passwords are at most 128 characters). */
    static final long MAX_FILE_BYTES = 1024;

    private PasswordInput() {
    }

    /** The password from {@code file} when one is given, else typed twice at the session's masked prompt. */
    static String read(Session session, String file, PrintStream out) throws CommandException {
        if (file != null && !file.isBlank()) {
            return fromFile(resolve(session, file.trim()), out);
        }
        return typedTwice(session);
    }

    private static String typedTwice(Session session) throws CommandException {
        String first = prompt(session, PROMPT);
        if (first == null || first.isEmpty()) {
            throw CrmAction.failure("no password typed; nothing changed (use --password-file in scripts)");
        }
        String second = prompt(session, REPEAT_PROMPT);
        if (!first.equals(second)) {
            throw CrmAction.failure("the two passwords differ; nothing changed");
        }
        return first;
    }

    private static String prompt(Session session, String prompt) throws CommandException {
        if (session == null) {
            throw noTerminal();
        }
        try {
            return session.readLine(prompt, '*');
        } catch (IOException e) {
            throw noTerminal();
        }
    }

    private static CommandException noTerminal() {
        return CrmAction.failure("cannot read the password from the terminal; use --password-file in scripts");
    }

    /** A relative path is taken from the session's current directory, as Karaf's own file commands do. */
    private static Path resolve(Session session, String path) {
        Path given;
        try {
            given = Path.of(path);
        } catch (InvalidPathException e) {
            throw ValidationException.of(FILE_OPTION, "not a valid path: '" + ShellText.cell(path) + "'");
        }
        if (given.isAbsolute() || session == null || session.currentDir() == null) {
            return given;
        }
        return session.currentDir().resolve(given);
    }

    private static String fromFile(Path file, PrintStream out) {
        byte[] bytes = readBytes(file);
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            String password = withoutLineBreak(text);
            if (password.isEmpty()) {
                throw ValidationException.of(FILE_OPTION, ShellText.cell(file) + " is empty");
            }
            if (readableByOthers(file)) {
                out.println("Warning: " + ShellText.cell(file) + " is readable by other users; chmod 600 it");
            }
            return password;
        } catch (CharacterCodingException e) {
            throw ValidationException.of(FILE_OPTION, ShellText.cell(file) + " is not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw ValidationException.of(FILE_OPTION, "no such file: " + ShellText.cell(file));
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw ValidationException.of(FILE_OPTION, ShellText.cell(file) + " is larger than " + MAX_FILE_BYTES
                        + " bytes; not a password file");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw ValidationException.of(FILE_OPTION, "no such file: " + ShellText.cell(file));
        } catch (AccessDeniedException e) {
            throw ValidationException.of(FILE_OPTION, "not allowed to read " + ShellText.cell(file));
        } catch (IOException e) {
            throw ValidationException.of(FILE_OPTION, "cannot read " + ShellText.cell(file) + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static String withoutLineBreak(String text) {
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * Whether users other than the owner and the group may read {@code file} (false without POSIX permissions).
     *
     * @throws ValidationException when its permissions cannot be read: an unknown answer is not taken as safe
     */
    static boolean readableByOthers(Path file) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            return view != null && view.readAttributes().permissions().contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException e) {
            throw ValidationException.of(FILE_OPTION, "cannot read the permissions of " + ShellText.cell(file) + " ("
                    + e.getClass().getSimpleName() + "); nothing changed");
        }
    }
}
