package org.bastion.crm.security.internal.shell;

import java.util.LinkedHashSet;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserDraft;
import org.bastion.crm.shell.ShellText;

/**
 * {@code crm:user-add}: creates a user; the password is typed twice at a masked prompt (or read from a file in
 * scripts), never given on the command line, where it would stay in the shell history.
 */
@Service
@Command(scope = "crm", name = "user-add", description = "Creates a CRM user; asks for the password twice without echo")
public class UserAddCommand extends UserAction {

    @Reference
    Session session;

    @Option(name = "--display-name", description = "The name shown to people (default: the username)")
    String displayName;

    @Option(name = "--email", description = "The user's e-mail address")
    String email;

    @Option(name = "--role", multiValued = true,
            description = "A role to grant (admin, sales-manager, sales, support, auditor, dpo); repeatable; default sales")
    @Completion(RoleCompleter.class)
    List<String> roles;

    @Option(name = "--password-file", description = "Read the initial password from this file (UTF-8, one trailing "
            + "line break ignored) instead of prompting; for scripts. Keep the file readable by its owner only.")
    @Completion(FileCompleter.class)
    String passwordFile;

    @Argument(index = 0, name = "username", required = true,
            description = "Login name: 3 to 64 letters, digits, '.', '_', '-' or '@'")
    String username;

    @Override
    protected void run() throws CommandException {
        String name = username.trim();
        if (users.findByUsername(name).isPresent()) {
            throw new ConflictException("user '" + ShellText.cell(name) + "' already exists");
        }
        String password = PasswordInput.read(session, passwordFile, out());
        String shownName = displayName == null || displayName.isBlank() ? name : displayName.trim();
        UserDraft draft = new UserDraft(name, shownName, email == null ? null : email.trim(), password,
                roles == null ? null : new LinkedHashSet<>(roles.stream().map(String::trim).toList()));
        User created = users.create(draft);
        out().println("Created user " + ShellText.cell(created.username()) + " (id " + created.id() + ", roles "
                + ShellText.sortedList(created.roles()) + ")");
        if (created.totpRequired() && !created.totpEnabled()) {
            out().println("Their role requires two-factor login: they must enrol an authenticator app after their "
                    + "first login");
        }
    }
}
