package org.bastion.crm.backup.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.bastion.crm.backup.internal.Maintenance;
import org.bastion.crm.backup.internal.MaintenanceMode;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/**
 * {@code crm:backup-maintenance-end}: ends the maintenance a failed restore left on every node, once an administrator
 * has checked the data (or restored the safety backup); recorded in the audit trail.
 */
@Service
@Command(scope = "crm", name = "backup-maintenance-end",
        description = "Ends the maintenance mode a failed restore left on (needs backups:restore)")
public class BackupMaintenanceEndCommand extends CrmAction {

    @Reference
    MaintenanceMode maintenance;

    @Override
    protected void run() throws CommandException {
        Maintenance ended = maintenance.end();
        if (!ended.active()) {
            out().println("The CRM is not in maintenance");
            return;
        }
        out().println("Maintenance ended (it was: " + ShellText.cell(ended.reason()) + ")");
    }
}
