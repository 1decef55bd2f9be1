package org.bastion.crm.crypto.internal.shell;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.crypto.KeyService;
import org.bastion.crm.api.crypto.KeyStatus;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/**
 * {@code crm:key-unlock}: opens the master key with a passphrase typed at a masked prompt, or read from a file in
 * scripts, and prints the resulting status; the passphrase is wiped from memory afterwards.
 */
@Service
@Command(scope = "crm", name = "key-unlock", description = "Unlocks the master key with its passphrase and prints the key status")
public class KeyUnlockCommand extends CrmAction {

    /** The prompt of the masked input. */
    static final String PROMPT = "Master key passphrase: ";

    @Reference
    KeyService keys;

    @Reference
    Session session;

    @Option(name = "--passphrase-file", description = "Read the passphrase from this file (UTF-8, one trailing line "
            + "break ignored) instead of prompting; for scripts. Keep the file readable by its owner only.")
    @Completion(FileCompleter.class)
    String passphraseFile;

    @Override
    protected void run() throws CommandException {
        char[] passphrase = passphraseFile == null || passphraseFile.isBlank() ? typed() : fromFile();
        KeyStatus status;
        try {
            status = keys.unlock(passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        out().println(KeyFormat.statusLine(status));
        if (!status.usable()) {
            throw failure("the keys are still locked");
        }
    }

    private char[] typed() throws CommandException {
        String line;
        try {
            line = session.readLine(PROMPT, '*');
        } catch (IOException e) {
            throw failure("cannot read the passphrase from the terminal; use --passphrase-file in scripts");
        }
        if (line == null || line.isEmpty()) {
            throw failure("no passphrase typed; nothing unlocked (use --passphrase-file in scripts)");
        }
        return line.toCharArray();
    }

    private char[] fromFile() {
        Path file = resolve(passphraseFile.trim());
        char[] passphrase = PassphraseFile.read(file);
        try {
            if (PassphraseFile.readableByOthers(file)) {
                out().println("Warning: " + ShellText.cell(file) + " is readable by other users; chmod 600 it");
            }
        } catch (RuntimeException e) {
            Arrays.fill(passphrase, '\0');
            throw e;
        }
        return passphrase;
    }

    /** A relative path is taken from the session's current directory, as Karaf's own file commands do. */
    private Path resolve(String path) {
        Path given;
        try {
            given = Path.of(path);
        } catch (InvalidPathException e) {
            throw ValidationException.of(PassphraseFile.FIELD, "not a valid path: '" + ShellText.cell(path) + "'");
        }
        if (given.isAbsolute() || session == null || session.currentDir() == null) {
            return given;
        }
        return session.currentDir().resolve(given);
    }
}
