package org.bastion.crm.security.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.security.User;

/**
 * {@code crm:user-reset-2fa}: removes a user's authenticator and recovery codes, for a user who lost their phone; the
 * user enrols again at the next login if a role requires two-factor login.
 */
@Service
@Command(scope = "crm", name = "user-reset-2fa",
        description = "Removes a CRM user's TOTP authenticator and recovery codes (for a lost phone)")
public class UserResetTotpCommand extends UserAction {

    @Argument(index = 0, name = "username", required = true, description = "The user's login name")
    @Completion(UsernameCompleter.class)
    String username;

    @Override
    protected void run() {
        User user = users.resetTotp(user(username).id());
        changed(user, "two-factor login removed" + (user.totpRequired()
                ? "; a role requires it, so the user must enrol again after the next login" : ""));
    }
}
