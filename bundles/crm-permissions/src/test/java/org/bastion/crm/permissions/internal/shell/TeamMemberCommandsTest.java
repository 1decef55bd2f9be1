package org.bastion.crm.permissions.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.permissions.Team;
import org.bastion.crm.api.permissions.TeamService;
import org.bastion.crm.api.security.UserDirectory;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TeamMemberCommandsTest {

    private final TeamService teams = mock(TeamService.class);
    private final UserDirectory users = mock(UserDirectory.class);

    @BeforeEach
    void setUp() {
        when(users.idOf(anyString())).thenReturn(Optional.empty());
        when(users.idOf("ann")).thenReturn(Optional.of("u-1"));
        when(users.idOf("Ann")).thenReturn(Optional.of("u-1"));
        when(users.idOf("bob")).thenReturn(Optional.of("u-2"));
    }

    @Test
    void teamJoinAddsEachUserOnceByIdAndTellsTheNewSize() {
        when(teams.addMember("north", "u-1")).thenReturn(new Team("north", null, Set.of("u-1")));
        when(teams.addMember("north", "u-2")).thenReturn(new Team("north", null, Set.of("u-1", "u-2")));

        ShellOutput output = ShellOutput.run(join(" north", List.of("ann ", "bob", "Ann")));

        verify(teams).addMember("north", "u-1");
        verify(teams).addMember("north", "u-2");
        assertThat(output.outLines()).containsExactly("Team north: added ann, bob (now 2 members)");
    }

    @Test
    void teamJoinWithAnUnknownUsernameChangesNothing() {
        ShellOutput output = ShellOutput.run(join("north", List.of("ann", "mallory")));

        assertThat(output.errLines()).containsExactly("Error: user 'mallory' not found");
        verifyNoInteractions(teams);
    }

    @Test
    void teamJoinNamesEveryUnknownUsernameOnOneLineMadeSafe() {
        ShellOutput output = ShellOutput.run(join("north", List.of("eve", "ann", "x\u001b[1m")));

        assertThat(output.errLines()).containsExactly("Error: users 'eve', 'x\\u001B[1m' not found");
        verifyNoInteractions(teams);
    }

    @Test
    void teamJoinWithoutUsernamesCallsNothing() {
        assertThat(ShellOutput.run(join("north", List.of(" "))).errLines())
                .containsExactly("Error: usernames: name at least one");
        verifyNoInteractions(teams);
    }

    @Test
    void teamJoinReportsTheServicesRefusal() {
        when(teams.addMember(any(), any())).thenThrow(new AccessDeniedException("teams:manage required"));

        assertThat(ShellOutput.run(join("north", List.of("ann"))).errLines())
                .containsExactly("Error: teams:manage required");
    }

    @Test
    void teamLeaveRemovesTheMembersAndTellsTheNewSize() {
        when(teams.find("north")).thenReturn(Optional.of(new Team("north", null, Set.of("u-1", "u-2", "u-3"))));
        when(teams.removeMember("north", "u-1")).thenReturn(new Team("north", null, Set.of("u-2", "u-3")));
        when(teams.removeMember("north", "u-2")).thenReturn(new Team("north", null, Set.of("u-3")));

        ShellOutput output = ShellOutput.run(leave("north", List.of("ann", "bob")));

        assertThat(output.outLines()).containsExactly("Team north: removed ann, bob (now 1 member)");
    }

    @Test
    void teamLeaveOfANonMemberChangesNothing() {
        when(teams.find("north")).thenReturn(Optional.of(new Team("north", null, Set.of("u-1"))));

        ShellOutput output = ShellOutput.run(leave("north", List.of("ann", "bob")));

        assertThat(output.errLines()).containsExactly("Error: usernames: not members of team north: 'bob'");
        verify(teams, never()).removeMember(any(), any());
    }

    @Test
    void teamLeaveWithAnUnknownUsernameOrTeamChangesNothing() {
        assertThat(ShellOutput.run(leave("north", List.of("mallory"))).errLines())
                .containsExactly("Error: user 'mallory' not found");
        verifyNoInteractions(teams);

        when(teams.find("nowhere")).thenReturn(Optional.empty());
        assertThat(ShellOutput.run(leave("nowhere", List.of("ann"))).errLines())
                .containsExactly("Error: team 'nowhere' not found");
        verify(teams, never()).removeMember(any(), any());
    }

    @Test
    void teamLeaveWithoutUsernamesCallsNothing() {
        assertThat(ShellOutput.run(leave("north", null)).failed()).isTrue();
        verifyNoInteractions(teams);
    }

    private TeamJoinCommand join(String team, List<String> usernames) {
        TeamJoinCommand command = new TeamJoinCommand();
        command.teams = teams;
        command.users = users;
        command.team = team;
        command.usernames = usernames;
        return command;
    }

    private TeamLeaveCommand leave(String team, List<String> usernames) {
        TeamLeaveCommand command = new TeamLeaveCommand();
        command.teams = teams;
        command.users = users;
        command.team = team;
        command.usernames = usernames;
        return command;
    }
}
