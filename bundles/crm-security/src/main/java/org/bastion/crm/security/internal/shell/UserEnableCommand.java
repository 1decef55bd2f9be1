package org.bastion.crm.security.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.security.User;

/** {@code crm:user-enable}: lets a disabled user log in again. */
@Service
@Command(scope = "crm", name = "user-enable", description = "Enables a disabled CRM user")
public class UserEnableCommand extends UserAction {

    @Argument(index = 0, name = "username", required = true, description = "The user's login name")
    @Completion(UsernameCompleter.class)
    String username;

    @Override
    protected void run() {
        User user = users.enable(user(username).id());
        changed(user, "enabled");
    }
}
