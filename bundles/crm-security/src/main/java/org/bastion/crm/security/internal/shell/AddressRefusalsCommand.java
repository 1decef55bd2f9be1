package org.bastion.crm.security.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.bastion.crm.api.security.AccessRestrictions;
import org.bastion.crm.api.security.AccessRestrictions.AddressRefusal;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/** {@code crm:address-refusals}: the addresses refused now, with until when, why and by whom. */
@Service
@Command(scope = "crm", name = "address-refusals", description = "Lists the addresses refused now")
public class AddressRefusalsCommand extends CrmAction {

    @Reference
    AccessRestrictions restrictions;

    @Override
    protected void run() {
        ShellTable table = new ShellTable().emptyTableText("no address is refused");
        table.column("Address");
        table.column("Until");
        table.column("By");
        table.column("Reason");
        for (AddressRefusal refusal : restrictions.refusedAddresses()) {
            table.addRow().addContent(ShellText.cell(refusal.address()), ShellText.timestamp(refusal.until()),
                    ShellText.cell(refusal.by()), ShellText.cell(refusal.reason()));
        }
        table.print(out());
    }
}
