package org.bastion.crm.backup.internal.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.bastion.crm.backup.internal.BackupService;
import org.bastion.crm.backup.internal.engine.BackupEngine;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellInput;
import org.bastion.crm.shell.ShellText;

/**
 * {@code crm:backup-restore <id|file>}: replaces every record of the CRM with a backup's, after the operator types
 * {@code yes} ({@code --force} for scripts). A file path is the disaster case: a backup file (and the key backup
 * {@code record-keys.cbk} beside it) restored onto a fresh installation from the local console, where the Karaf
 * user is an administrator before any CRM user exists.
 */
@Service
@Command(scope = "crm", name = "backup-restore",
        description = "Restores a backup of the catalogue (by id) or a backup file (by path), replacing every record (needs backups:restore)")
public class BackupRestoreCommand extends CrmAction {

    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    @Reference
    BackupService backups;

    @Reference
    Session session;

    @Argument(index = 0, name = "backup", required = true,
            description = "The backup's id (see crm:backup-list), or the path of a backup file (relative to the Karaf base)")
    @Completion(FileCompleter.class)
    String backup;

    @Option(name = "--force", aliases = "-f", description = "Do not ask for confirmation (scripts)")
    boolean force;

    @Override
    protected void run() throws CommandException {
        String target = backup.trim();
        boolean byId = UUID_SHAPE.matcher(target).matches();
        Path file = byId ? null : resolve(target);
        String what = byId ? "backup " + target : "the backup file " + file;
        if (!force) {
            confirm(what);
        }
        out().println("Restoring " + ShellText.cell(what) + " (the CRM is in maintenance until it ends) ...");
        ShellProgress progress = new ShellProgress(out(), Clock.systemUTC());
        BackupEngine.Restored restored = byId ? backups.restore(ShellInput.uuid("backup", target), progress)
                : backups.restoreFile(file, progress);
        UUID id = restored.manifest() == null ? null : restored.manifest().id();
        out().println("Restored backup " + id + ": " + ShellText.cell(String.join(", ", restored.restoredParticipants())));
        if (!restored.skippedParticipants().isEmpty()) {
            out().println("  not installed now, skipped: " + ShellText.cell(String.join(", ", restored.skippedParticipants())));
        }
        if (!restored.migratedParticipants().isEmpty()) {
            out().println("  migrated to the current schema: "
                    + ShellText.cell(String.join(", ", restored.migratedParticipants())));
        }
    }

    private void confirm(String what) throws CommandException {
        String answer;
        try {
            answer = session.readLine("This replaces EVERY record of the CRM with " + what
                    + " (a safety backup is taken first). Type yes to go on: ", null);
        } catch (IOException | RuntimeException noTerminal) {
            throw failure("cannot read the confirmation from the terminal (nothing was restored); use --force in "
                    + "scripts");
        }
        if (answer == null || !answer.trim().equals("yes")) {
            throw failure("not confirmed; nothing was restored");
        }
    }

    private static Path resolve(String path) {
        Path given = Paths.get(path);
        return given.isAbsolute() ? given : Paths.get(System.getProperty("karaf.base", ".")).resolve(given).normalize();
    }
}
