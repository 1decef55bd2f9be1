package org.bastion.crm.security.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.security.User;

/** {@code crm:user-unlock}: lifts a brute-force lock and forgets the account's failed attempts. */
@Service
@Command(scope = "crm", name = "user-unlock", description = "Lifts a brute-force lock on a CRM user's account")
public class UserUnlockCommand extends UserAction {

    @Argument(index = 0, name = "username", required = true, description = "The user's login name")
    @Completion(UsernameCompleter.class)
    String username;

    @Override
    protected void run() {
        User user = users.unlock(user(username).id());
        changed(user, "unlocked, failed attempts forgotten");
    }
}
