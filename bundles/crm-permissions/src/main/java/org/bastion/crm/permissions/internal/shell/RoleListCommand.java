package org.bastion.crm.permissions.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.bastion.crm.api.permissions.Role;
import org.bastion.crm.api.permissions.RoleService;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/** {@code crm:role-list}: every role, built-in ones first, with how many permissions each grants. */
@Service
@Command(scope = "crm", name = "role-list", description = "Lists the roles")
public class RoleListCommand extends CrmAction {

    @Reference
    RoleService roles;

    @Override
    protected void run() {
        ShellTable table = new ShellTable().emptyTableText("no roles");
        table.column("Name");
        table.column("Built-in");
        table.column("Permissions");
        table.column("Description");
        for (Role role : roles.list()) {
            table.addRow().addContent(ShellText.cell(role.name()), role.builtIn() ? "yes" : "no",
                    role.permissions().size(), ShellText.cell(role.description()));
        }
        table.print(out());
    }
}
