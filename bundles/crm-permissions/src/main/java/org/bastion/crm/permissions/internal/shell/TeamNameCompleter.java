package org.bastion.crm.permissions.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.permissions.Team;
import org.bastion.crm.api.permissions.TeamService;
import org.bastion.crm.shell.ItemCompleter;
import org.bastion.crm.shell.ShellText;

/** Completes team names, with each team's size and description beside it. */
@Service
public class TeamNameCompleter extends ItemCompleter<Team> {

    @Reference
    TeamService teams;

    @Override
    protected List<Team> items() {
        return teams.list();
    }

    @Override
    protected String value(Team team) {
        return team.name();
    }

    @Override
    protected String description(Team team) {
        return "(" + ShellArgs.count(team.members().size(), "member") + ") " + ShellText.cell(team.description());
    }
}
