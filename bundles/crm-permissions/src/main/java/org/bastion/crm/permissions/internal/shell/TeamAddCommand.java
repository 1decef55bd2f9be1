package org.bastion.crm.permissions.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.permissions.Team;
import org.bastion.crm.api.permissions.TeamDraft;
import org.bastion.crm.api.permissions.TeamService;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/** {@code crm:team-add}: creates an empty team. */
@Service
@Command(scope = "crm", name = "team-add", description = "Creates an empty team")
public class TeamAddCommand extends CrmAction {

    @Reference
    TeamService teams;

    @Option(name = "--description", description = "What the team is")
    String description;

    @Argument(index = 0, name = "name", required = true,
            description = "The team's name: lower case letters, digits and '-'")
    String name;

    @Override
    protected void run() {
        Team team = teams.create(new TeamDraft(ShellArgs.name(name), ShellArgs.optional(description)));
        out().println("Created team " + ShellText.cell(team.name()));
    }
}
