package org.bastion.crm.permissions.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.permissions.Role;
import org.bastion.crm.api.permissions.RoleService;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/** {@code crm:role-show}: one role and its permissions, one per line, those no installed bundle defines marked. */
@Service
@Command(scope = "crm", name = "role-show", description = "Shows one role and its permissions")
public class RoleShowCommand extends CrmAction {

    static final String UNDEFINED = "  (undefined: no installed bundle defines it)";

    @Reference
    RoleService roles;

    @Argument(index = 0, name = "name", required = true, description = "The role's name")
    @Completion(RoleNameCompleter.class)
    String name;

    @Override
    protected void run() {
        String wanted = ShellArgs.name(name);
        Role role = roles.find(wanted).orElseThrow(() -> ShellArgs.notFound("role", wanted));
        field("Name", role.name());
        field("Description", role.description());
        field("Built-in", role.builtIn() ? "yes (read-only)" : "no");
        field("Permissions", role.permissions().size());
        for (String permission : role.permissions()) {
            out().println("  " + ShellText.cell(permission) + (role.undefined().contains(permission) ? UNDEFINED : ""));
        }
    }

    private void field(String label, Object value) {
        out().printf("%-13s %s%n", label + ":", ShellText.cell(value));
    }
}
