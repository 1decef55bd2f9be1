package org.bastion.crm.permissions.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.permissions.Team;
import org.bastion.crm.api.permissions.TeamService;
import org.bastion.crm.api.security.UserDirectory;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/** {@code crm:team-show}: one team and its members, each by username and id. */
@Service
@Command(scope = "crm", name = "team-show", description = "Shows one team and its members")
public class TeamShowCommand extends CrmAction {

    static final String UNKNOWN_USER = "(unknown user)";

    @Reference
    TeamService teams;

    @Reference(optional = true)
    UserDirectory users;

    @Argument(index = 0, name = "name", required = true, description = "The team's name")
    @Completion(TeamNameCompleter.class)
    String name;

    @Override
    protected void run() {
        String wanted = ShellArgs.name(name);
        Team team = teams.find(wanted).orElseThrow(() -> ShellArgs.notFound("team", wanted));
        field("Name", team.name());
        field("Description", team.description());
        field("Members", team.members().size());
        for (String id : team.members()) {
            out().println("  " + ShellText.cell(username(id)) + " (" + ShellText.cell(id) + ")");
        }
    }

    private String username(String id) {
        UserDirectory directory = users;
        return directory == null ? UNKNOWN_USER : directory.usernameOf(id).orElse(UNKNOWN_USER);
    }

    private void field(String label, Object value) {
        out().printf("%-13s %s%n", label + ":", ShellText.cell(value));
    }
}
