package org.bastion.crm.security.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserService;

/** Completes usernames from the first {@link PageRequest#MAX_SIZE} users, with display name and status beside them. */
@Service
public class UsernameCompleter implements Completer {

    @Reference
    UserService users;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (User user : firstUsers()) {
            delegate.getStrings().add(user.username());
        }
        return delegate.complete(session, commandLine, candidates);
    }

    @Override
    public void completeCandidates(Session session, CommandLine commandLine, List<Candidate> candidates) {
        for (User user : firstUsers()) {
            String description = ShellText.cell(user.displayName()) + " (" + user.status() + ")";
            candidates.add(new Candidate(user.username(), user.username(), null, description, null, null, true));
        }
    }

    /** The users of the first page; none when the service refuses (completion must never fail loudly). */
    List<User> firstUsers() {
        try {
            return users.list(new PageRequest(0, PageRequest.MAX_SIZE, List.of())).items();
        } catch (CrmException e) {
            return List.of();
        }
    }
}
