package org.bastion.crm.security.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.security.User;
import org.bastion.crm.shell.ShellText;

/** {@code crm:user-show}: every detail of one user (never a password hash, secret or recovery code). */
@Service
@Command(scope = "crm", name = "user-show", description = "Shows one CRM user")
public class UserShowCommand extends UserAction {

    @Argument(index = 0, name = "username", required = true, description = "The user's login name")
    @Completion(UsernameCompleter.class)
    String username;

    @Override
    protected void run() {
        User user = user(username);
        field("ID", user.id());
        field("Username", user.username());
        field("Name", user.displayName());
        field("E-mail", user.email());
        field("Status", user.status());
        if (user.lockedUntil() != null) {
            field("Locked until", ShellText.timestamp(user.lockedUntil()) + " (lift with crm:user-unlock)");
        }
        field("Roles", ShellText.sortedList(user.roles()));
        field("2FA", UserListCommand.twoFactor(user) + (user.totpRequired() ? ", required by a role" : ""));
        if (user.totpEnabled()) {
            field("Recovery codes left", user.recoveryCodesLeft());
        }
        field("Created", ShellText.timestamp(user.createdAt()));
        field("Last login", user.lastLoginAt() == null ? "never" : ShellText.timestamp(user.lastLoginAt()));
    }

    private void field(String name, Object value) {
        out().printf("%-20s %s%n", name + ":", ShellText.cell(value));
    }
}
