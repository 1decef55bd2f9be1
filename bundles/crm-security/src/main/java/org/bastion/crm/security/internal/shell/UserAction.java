package org.bastion.crm.security.internal.shell;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserService;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/** Base of the commands that act on one user named by username, as operators know users. */
public abstract class UserAction extends CrmAction {

    @Reference
    UserService users;

    /** The user with this username (case-insensitive); an unknown name is a {@link NotFoundException}. */
    protected User user(String username) {
        String name = username == null ? "" : username.trim();
        return users.findByUsername(name)
                .orElseThrow(() -> new NotFoundException("user", "'" + ShellText.cell(name) + "'"));
    }

    /** Prints the one-line outcome of a change: {@code <username>: <what>, status <status>}. */
    protected void changed(User user, String what) {
        out().println(ShellText.cell(user.username()) + ": " + what + " (status " + user.status() + ")");
    }
}
