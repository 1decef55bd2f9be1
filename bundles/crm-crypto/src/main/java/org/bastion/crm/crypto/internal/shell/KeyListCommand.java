package org.bastion.crm.crypto.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;
import org.bastion.crm.api.crypto.DataKeyInfo;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyService;
import org.bastion.crm.api.crypto.KeysLockedException;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/**
 * {@code crm:key-list}: every key version with its purpose, state, dates, wrapping master key version and how many
 * records use it; then the status line and the rotations still running.
 */
@Service
@Command(scope = "crm", name = "key-list", description = "Lists the key versions, how many records use each, and running rotations")
public class KeyListCommand extends CrmAction {

    @Reference
    KeyService keys;

    @Override
    protected void run() throws CommandException {
        List<DataKeyInfo> versions;
        try {
            versions = keys.keys();
        } catch (KeysLockedException e) {
            throw failure(e.getMessage() + " (unlock with crm:key-unlock)");
        }
        ShellTable table = new ShellTable().emptyTableText("no keys");
        table.column("ID");
        table.column("Purpose");
        table.column("Version").alignRight();
        table.column("State");
        table.column("Created");
        table.column("Retired");
        table.column("Master").alignRight();
        table.column("Records").alignRight();
        for (DataKeyInfo key : versions) {
            table.addRow().addContent(ShellText.cell(key.id()), key.purpose().wireName(), key.version(), key.state(),
                    ShellText.timestamp(key.createdAt()), ShellText.timestamp(key.retiredAt()), master(key),
                    key.recordsUsing() < 0 ? "-" : key.recordsUsing());
        }
        table.print(out());
        KeyFormat.printStatus(out(), keys.status(), keys.rotations());
    }

    private static String master(DataKeyInfo key) {
        return key.purpose() == KeyPurpose.MASTER ? "-" : "v" + key.masterVersion();
    }
}
