package org.bastion.crm.permissions.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.permissions.Team;
import org.bastion.crm.api.permissions.TeamDraft;
import org.bastion.crm.api.permissions.TeamService;
import org.bastion.crm.api.security.UserDirectory;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.Test;

class TeamCommandsTest {

    private final TeamService teams = mock(TeamService.class);
    private final UserDirectory users = mock(UserDirectory.class);

    @Test
    void teamListShowsNameMemberCountAndDescription() {
        when(teams.list()).thenReturn(List.of(new Team("north", "Northern sales", Set.of("u-1", "u-2")),
                new Team("south", null, Set.of())));
        TeamListCommand command = new TeamListCommand();
        command.teams = teams;

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.outLines().get(0)).contains("Name", "Members", "Description");
        assertThat(output.outLines().get(2)).startsWith("north").contains(" 2 ", "Northern sales");
        assertThat(output.outLines().get(3)).startsWith("south").contains(" 0 ");
    }

    @Test
    void teamListSaysSoWhenThereAreNone() {
        when(teams.list()).thenReturn(List.of());
        TeamListCommand command = new TeamListCommand();
        command.teams = teams;

        assertThat(ShellOutput.run(command).out()).contains("no teams");
    }

    @Test
    void teamShowListsMembersByUsernameAndId() {
        when(teams.find("north")).thenReturn(Optional.of(new Team("north", "Northern\nsales", Set.of("u-1", "u-9"))));
        when(users.usernameOf("u-1")).thenReturn(Optional.of("ann"));
        when(users.usernameOf("u-9")).thenReturn(Optional.empty());

        ShellOutput output = ShellOutput.run(show("north", users));

        assertThat(output.outLines()).containsExactly(
                "Name:         north",
                "Description:  Northern sales",
                "Members:      2",
                "  ann (u-1)",
                "  (unknown user) (u-9)");
    }

    @Test
    void teamShowWithoutTheUserDirectoryShowsIdsOnly() {
        when(teams.find("north")).thenReturn(Optional.of(new Team("north", null, Set.of("u-1"))));

        assertThat(ShellOutput.run(show("north", null)).outLines()).contains("  (unknown user) (u-1)");
    }

    @Test
    void teamShowOfAnUnknownTeamIsOneErrorLine() {
        when(teams.find(any())).thenReturn(Optional.empty());

        assertThat(ShellOutput.run(show("nowhere", users)).errLines())
                .containsExactly("Error: team 'nowhere' not found");
    }

    @Test
    void teamAddCreatesTheTeamWithItsDescription() {
        when(teams.create(any())).thenReturn(new Team("north", "Northern sales", Set.of()));
        TeamAddCommand command = new TeamAddCommand();
        command.teams = teams;
        command.name = "north ";
        command.description = "Northern sales";

        assertThat(ShellOutput.run(command).outLines()).containsExactly("Created team north");
        verify(teams).create(new TeamDraft("north", "Northern sales"));
    }

    @Test
    void teamAddOfATakenNameReportsTheConflict() {
        when(teams.create(new TeamDraft("north", null))).thenThrow(new ConflictException("team north exists"));
        TeamAddCommand command = new TeamAddCommand();
        command.teams = teams;
        command.name = "north";

        assertThat(ShellOutput.run(command).errLines()).containsExactly("Error: team north exists");
    }

    @Test
    void teamDeleteDeletesTheNamedTeam() {
        TeamDeleteCommand command = new TeamDeleteCommand();
        command.teams = teams;
        command.name = "north";

        assertThat(ShellOutput.run(command).outLines()).containsExactly("Deleted team north");
        verify(teams).delete("north");
    }

    @Test
    void teamDeleteOfAnUnknownTeamIsOneErrorLine() {
        doThrow(new NotFoundException("team", "nowhere")).when(teams).delete("nowhere");
        TeamDeleteCommand command = new TeamDeleteCommand();
        command.teams = teams;
        command.name = "nowhere";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).containsExactly("Error: team nowhere not found");
        assertThat(output.out()).isEmpty();
    }

    private TeamShowCommand show(String name, UserDirectory directory) {
        TeamShowCommand command = new TeamShowCommand();
        command.teams = teams;
        command.users = directory;
        command.name = name;
        return command;
    }
}
