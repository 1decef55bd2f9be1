package org.bastion.crm.security.internal.shell;

import java.util.LinkedHashSet;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.security.User;
import org.bastion.crm.shell.ShellText;

/**
 * {@code crm:user-roles}: without roles, prints the roles the user holds; with roles, replaces them (refused for an
 * unknown role, the last active administrator's admin role, and one's own admin role).
 */
@Service
@Command(scope = "crm", name = "user-roles",
        description = "Shows a CRM user's roles, or replaces them with the roles given")
public class UserRolesCommand extends UserAction {

    @Argument(index = 0, name = "username", required = true, description = "The user's login name")
    @Completion(UsernameCompleter.class)
    String username;

    @Argument(index = 1, name = "roles", multiValued = true,
            description = "The roles the user is to hold from now on (omit to show the current ones)")
    @Completion(RoleCompleter.class)
    List<String> roles;

    @Override
    protected void run() {
        User user = user(username);
        if (roles == null || roles.isEmpty()) {
            out().println(ShellText.cell(user.username()) + ": " + ShellText.sortedList(user.roles()));
            return;
        }
        User changed = users.setRoles(user.id(), new LinkedHashSet<>(roles));
        changed(changed, "roles set to " + ShellText.sortedList(changed.roles()));
    }
}
