package org.bastion.crm.backup.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.bastion.crm.backup.internal.BackupInfo;
import org.bastion.crm.backup.internal.BackupService;
import org.bastion.crm.backup.internal.Maintenance;
import org.bastion.crm.backup.internal.MaintenanceMode;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellTable;
import org.bastion.crm.shell.ShellText;

/** {@code crm:backup-list}: every backup of the catalogue, newest first, and the maintenance state when it is on. */
@Service
@Command(scope = "crm", name = "backup-list", description = "Lists the backups, newest first (needs backups:read)")
public class BackupListCommand extends CrmAction {

    @Reference
    BackupService backups;

    @Reference
    MaintenanceMode maintenance;

    @Override
    protected void run() throws CommandException {
        ShellTable table = ShellTable.empty("no backups").column("ID").column("Started").column("State")
                .column("Trigger").column("Size").column("Rows").column("Verified").column("File", 60);
        for (BackupInfo backup : backups.list()) {
            table.row(backup.id(), ShellText.timestamp(backup.startedAt()), backup.state(), backup.trigger(),
                    BackupText.value(backup.sizeBytes()), BackupText.value(backup.rowCount()),
                    backup.verifyState() == null ? "-" : backup.verifyState(), backup.fileName());
        }
        table.print(out());
        Maintenance state = maintenance.state();
        if (state.active()) {
            out().println("MAINTENANCE since " + ShellText.timestamp(state.since()) + ": " + ShellText.cell(state.reason()));
        }
    }
}
