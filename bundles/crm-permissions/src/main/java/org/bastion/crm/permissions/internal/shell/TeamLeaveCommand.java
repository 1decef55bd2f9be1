package org.bastion.crm.permissions.internal.shell;

import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.permissions.Team;
import org.bastion.crm.shell.ShellText;

/**
 * {@code crm:team-leave}: removes users from a team; every user must be a member, or nothing changes.
 */
@Service
@Command(scope = "crm", name = "team-leave", description = "Removes users from a team")
public class TeamLeaveCommand extends MemberAction {

    @Argument(index = 0, name = "team", required = true, description = "The team's name")
    @Completion(TeamNameCompleter.class)
    String team;

    @Argument(index = 1, name = "usernames", required = true, multiValued = true,
            description = "The login names of the members to remove")
    List<String> usernames;

    @Override
    protected void run() {
        Map<String, String> ids = userIds(usernames);
        String name = ShellArgs.name(team);
        Team current = teams.find(name).orElseThrow(() -> ShellArgs.notFound("team", name));
        List<String> outsiders = ids.entrySet().stream().filter(entry -> !current.members().contains(entry.getKey()))
                .map(entry -> ShellArgs.quoted(entry.getValue())).toList();
        if (!outsiders.isEmpty()) {
            throw ValidationException.of("usernames", "not members of team " + ShellText.cell(current.name()) + ": "
                    + String.join(", ", outsiders));
        }
        Team changed = current;
        for (String id : ids.keySet()) {
            changed = teams.removeMember(name, id);
        }
        changed(changed, "removed", ids);
    }
}
