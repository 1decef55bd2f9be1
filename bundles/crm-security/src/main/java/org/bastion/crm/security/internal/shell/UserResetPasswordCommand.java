package org.bastion.crm.security.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.bastion.crm.api.security.User;

/**
 * {@code crm:user-reset-password}: sets a new password, typed twice at a masked prompt (or read from a file in
 * scripts), and ends all the user's sessions.
 */
@Service
@Command(scope = "crm", name = "user-reset-password",
        description = "Sets a new password for a CRM user (asked twice without echo) and ends the user's sessions")
public class UserResetPasswordCommand extends UserAction {

    @Reference
    Session session;

    @Option(name = "--password-file", description = "Read the new password from this file (UTF-8, one trailing "
            + "line break ignored) instead of prompting; for scripts. Keep the file readable by its owner only.")
    @Completion(FileCompleter.class)
    String passwordFile;

    @Argument(index = 0, name = "username", required = true, description = "The user's login name")
    @Completion(UsernameCompleter.class)
    String username;

    @Override
    protected void run() throws CommandException {
        User target = user(username);
        String password = PasswordInput.read(session, passwordFile, out());
        User user = users.resetPassword(target.id(), password);
        changed(user, "password set, every session ended");
    }
}
