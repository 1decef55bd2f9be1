package org.bastion.crm.security.internal.shell;

import java.time.Duration;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.security.AccessRestrictions;
import org.bastion.crm.api.security.User;
import org.bastion.crm.security.internal.restrict.AccessRestrictionsImpl;

/** {@code crm:user-lock}: locks an account for a number of minutes and ends its sessions ({@code crm:user-unlock} lifts it). */
@Service
@Command(scope = "crm", name = "user-lock", description = "Locks a CRM user's account for a period and ends its sessions")
public class UserLockCommand extends UserAction {

    @Reference
    AccessRestrictions restrictions;

    @Argument(index = 0, name = "username", required = true, description = "The user's login name")
    @Completion(UsernameCompleter.class)
    String username;

    @Option(name = "--minutes", required = true, description = "For how long, 1 to 525600 (365 days)")
    long minutes;

    @Option(name = "--reason", required = true, description = "Why (kept in the audit trail)")
    String reason;

    @Override
    protected void run() {
        long max = AccessRestrictionsImpl.MAXIMUM_PERIOD.toMinutes();
        if (minutes < 1 || minutes > max) {
            throw ValidationException.of("minutes", "must be between 1 and " + max);
        }
        User user = user(username);
        restrictions.lockAccount(user.id(), Duration.ofMinutes(minutes), reason);
        changed(users.get(user.id()), "locked for " + minutes + " minutes, sessions ended");
    }
}
