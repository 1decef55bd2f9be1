package org.bastion.crm.permissions.internal.shell;

import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.permissions.Role;
import org.bastion.crm.api.permissions.RoleService;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/** {@code crm:role-grant}: adds permissions to a custom role. */
@Service
@Command(scope = "crm", name = "role-grant", description = "Adds permissions to a custom role")
public class RoleGrantCommand extends CrmAction {

    @Reference
    RoleService roles;

    @Argument(index = 0, name = "role", required = true, description = "The role's name")
    @Completion(RoleNameCompleter.class)
    String role;

    @Argument(index = 1, name = "permissions", required = true, multiValued = true,
            description = "The permissions to add")
    @Completion(PermissionCompleter.class)
    List<String> permissions;

    @Override
    protected void run() {
        Set<String> granted = ShellArgs.values("permissions", permissions);
        Role changed = roles.grant(ShellArgs.name(role), granted);
        out().println("Role " + ShellText.cell(changed.name()) + ": granted " + ShellText.sortedList(granted)
                + " (now " + ShellArgs.count(changed.permissions().size(), "permission") + ")");
    }
}
