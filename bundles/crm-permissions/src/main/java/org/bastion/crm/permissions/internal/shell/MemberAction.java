package org.bastion.crm.permissions.internal.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.permissions.Team;
import org.bastion.crm.api.permissions.TeamService;
import org.bastion.crm.api.security.UserDirectory;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/** Base of the commands that add users to a team or remove them, naming users by username as operators know them. */
public abstract class MemberAction extends CrmAction {

    @Reference
    TeamService teams;

    @Reference
    UserDirectory users;

    /**
     * The user ids of the usernames given (trimmed, case-insensitive, each user once), by id with the username as
     * typed; any unknown username is one error naming them all, before anything changes.
     */
    protected Map<String, String> userIds(List<String> usernames) {
        Map<String, String> ids = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String username : ShellArgs.values("usernames", usernames)) {
            Optional<String> id = users.idOf(username);
            if (id.isPresent()) {
                ids.putIfAbsent(id.get(), username);
            } else {
                unknown.add(ShellArgs.quoted(username));
            }
        }
        if (!unknown.isEmpty()) {
            throw new NotFoundException(unknown.size() == 1 ? "user" : "users", String.join(", ", unknown));
        }
        return ids;
    }

    /** Prints the outcome: {@code Team north: added ann, bob (now 3 members)}. */
    protected void changed(Team team, String what, Map<String, String> ids) {
        out().println("Team " + ShellText.cell(team.name()) + ": " + what + " "
                + ids.values().stream().map(ShellText::cell).collect(Collectors.joining(", "))
                + " (now " + ShellArgs.count(team.members().size(), "member") + ")");
    }
}
