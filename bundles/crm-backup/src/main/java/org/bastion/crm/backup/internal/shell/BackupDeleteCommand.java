package org.bastion.crm.backup.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.bastion.crm.backup.internal.BackupService;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellInput;

/** {@code crm:backup-delete <id>}: deletes a backup's file; the catalogue keeps its row, marked DELETED. */
@Service
@Command(scope = "crm", name = "backup-delete", description = "Deletes a backup's file (needs backups:manage)")
public class BackupDeleteCommand extends CrmAction {

    @Reference
    BackupService backups;

    @Argument(index = 0, name = "id", required = true, description = "The backup's id (see crm:backup-list)")
    String id;

    @Override
    protected void run() throws CommandException {
        var backupId = ShellInput.uuid("id", id);
        backups.delete(backupId);
        out().println("Backup " + backupId + " deleted");
    }
}
