package org.bastion.crm.backup.internal.shell;

import java.time.Clock;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.bastion.crm.backup.internal.BackupInfo;
import org.bastion.crm.backup.internal.BackupService;
import org.bastion.crm.shell.CrmAction;

/** {@code crm:backup-create}: takes a backup now, printing its progress, then the backup. */
@Service
@Command(scope = "crm", name = "backup-create", description = "Takes a backup now (needs backups:manage), with progress")
public class BackupCreateCommand extends CrmAction {

    @Reference
    BackupService backups;

    @Override
    protected void run() throws CommandException {
        out().println("Backing up to " + backups.directory() + " ...");
        BackupInfo backup = backups.create("manual", new ShellProgress(out(), Clock.systemUTC()));
        BackupText.print(out(), backup);
    }
}
