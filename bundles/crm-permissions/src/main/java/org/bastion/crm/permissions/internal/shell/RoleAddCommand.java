package org.bastion.crm.permissions.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.permissions.Role;
import org.bastion.crm.api.permissions.RoleDraft;
import org.bastion.crm.api.permissions.RoleService;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/** {@code crm:role-add}: creates a custom role granting the permissions given. */
@Service
@Command(scope = "crm", name = "role-add", description = "Creates a custom role")
public class RoleAddCommand extends CrmAction {

    @Reference
    RoleService roles;

    @Option(name = "--description", description = "What the role is for")
    String description;

    @Argument(index = 0, name = "name", required = true,
            description = "The role's name: lower case letters, digits and '-'")
    String name;

    @Argument(index = 1, name = "permissions", required = true, multiValued = true,
            description = "The permissions to grant (domain:action, domain:action:own|team|all, domain:* or *)")
    @Completion(PermissionCompleter.class)
    List<String> permissions;

    @Override
    protected void run() {
        Role role = roles.create(new RoleDraft(ShellArgs.name(name), ShellArgs.optional(description),
                ShellArgs.values("permissions", permissions)));
        out().println("Created role " + ShellText.cell(role.name()) + " with "
                + ShellArgs.count(role.permissions().size(), "permission"));
    }
}
