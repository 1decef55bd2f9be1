package org.bastion.crm.permissions.internal.shell;

import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.permissions.Team;

/** {@code crm:team-join}: adds users to a team (adding a member again changes nothing). */
@Service
@Command(scope = "crm", name = "team-join", description = "Adds users to a team")
public class TeamJoinCommand extends MemberAction {

    @Argument(index = 0, name = "team", required = true, description = "The team's name")
    @Completion(TeamNameCompleter.class)
    String team;

    @Argument(index = 1, name = "usernames", required = true, multiValued = true,
            description = "The login names of the users to add")
    List<String> usernames;

    @Override
    protected void run() {
        Map<String, String> ids = userIds(usernames);
        String name = ShellArgs.name(team);
        Team changed = null;
        for (String id : ids.keySet()) {
            changed = teams.addMember(name, id);
        }
        changed(changed, "added", ids);
    }
}
