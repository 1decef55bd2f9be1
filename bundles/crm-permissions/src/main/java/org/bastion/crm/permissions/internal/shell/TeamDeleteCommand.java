package org.bastion.crm.permissions.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.permissions.TeamService;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/** {@code crm:team-delete}: deletes a team; its members lose nothing but the team. */
@Service
@Command(scope = "crm", name = "team-delete", description = "Deletes a team")
public class TeamDeleteCommand extends CrmAction {

    @Reference
    TeamService teams;

    @Argument(index = 0, name = "name", required = true, description = "The team's name")
    @Completion(TeamNameCompleter.class)
    String name;

    @Override
    protected void run() {
        String team = ShellArgs.name(name);
        teams.delete(team);
        out().println("Deleted team " + ShellText.cell(team));
    }
}
