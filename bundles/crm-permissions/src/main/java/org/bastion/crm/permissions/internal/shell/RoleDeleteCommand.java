package org.bastion.crm.permissions.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.permissions.RoleService;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/** {@code crm:role-delete}: deletes a custom role no user holds. */
@Service
@Command(scope = "crm", name = "role-delete", description = "Deletes a custom role no user holds")
public class RoleDeleteCommand extends CrmAction {

    @Reference
    RoleService roles;

    @Argument(index = 0, name = "name", required = true, description = "The role's name")
    @Completion(RoleNameCompleter.class)
    String name;

    @Override
    protected void run() {
        String role = ShellArgs.name(name);
        roles.delete(role);
        out().println("Deleted role " + ShellText.cell(role));
    }
}
