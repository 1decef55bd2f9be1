package org.bastion.crm.backup.internal.shell;

import java.time.Clock;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.bastion.crm.backup.internal.BackupService;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellInput;

/**
 * {@code crm:backup-verify <id>}: decrypts a backup, checks every checksum and loads it into a scratch database; a
 * damaged file is reported with the damaged part.
 */
@Service
@Command(scope = "crm", name = "backup-verify",
        description = "Verifies a backup: decrypts it, checks every checksum, loads it into a scratch database (needs backups:manage)")
public class BackupVerifyCommand extends CrmAction {

    @Reference
    BackupService backups;

    @Argument(index = 0, name = "id", required = true, description = "The backup's id (see crm:backup-list)")
    String id;

    @Override
    protected void run() throws CommandException {
        var backup = backups.verify(ShellInput.uuid("id", id), new ShellProgress(out(), Clock.systemUTC()));
        BackupText.print(out(), backup);
    }
}
