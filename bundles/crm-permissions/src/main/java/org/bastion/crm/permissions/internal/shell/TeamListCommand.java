package org.bastion.crm.permissions.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.bastion.crm.api.permissions.Team;
import org.bastion.crm.api.permissions.TeamService;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/** {@code crm:team-list}: every team by name, with its size and description. */
@Service
@Command(scope = "crm", name = "team-list", description = "Lists the teams")
public class TeamListCommand extends CrmAction {

    @Reference
    TeamService teams;

    @Override
    protected void run() {
        ShellTable table = new ShellTable().emptyTableText("no teams");
        table.column("Name");
        table.column("Members");
        table.column("Description");
        for (Team team : teams.list()) {
            table.addRow().addContent(ShellText.cell(team.name()), team.members().size(),
                    ShellText.cell(team.description()));
        }
        table.print(out());
    }
}
