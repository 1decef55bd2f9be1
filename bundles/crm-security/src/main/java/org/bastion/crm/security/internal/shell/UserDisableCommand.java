package org.bastion.crm.security.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.security.User;

/** {@code crm:user-disable}: disables the user and ends every session of the user; refused for the last active administrator. */
@Service
@Command(scope = "crm", name = "user-disable", description = "Disables a CRM user and ends all the user's sessions")
public class UserDisableCommand extends UserAction {

    @Argument(index = 0, name = "username", required = true, description = "The user's login name")
    @Completion(UsernameCompleter.class)
    String username;

    @Override
    protected void run() {
        User user = users.disable(user(username).id());
        changed(user, "disabled, every session ended");
    }
}
