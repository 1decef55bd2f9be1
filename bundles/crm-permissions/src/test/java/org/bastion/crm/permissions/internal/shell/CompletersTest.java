package org.bastion.crm.permissions.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.api.console.Candidate;
import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.permissions.PermissionDefinition;
import org.bastion.crm.api.permissions.Role;
import org.bastion.crm.api.permissions.RoleService;
import org.bastion.crm.api.permissions.Team;
import org.bastion.crm.api.permissions.TeamService;
import org.junit.jupiter.api.Test;

class CompletersTest {

    private final RoleService roles = mock(RoleService.class);
    private final TeamService teams = mock(TeamService.class);

    @Test
    void offersRoleNamesWithDescriptions() {
        when(roles.list()).thenReturn(List.of(new Role("admin", "Everything", Set.of("*"), true, Set.of()),
                new Role("closers", "Close\u001b deals", Set.of(), false, Set.of())));
        RoleNameCompleter completer = new RoleNameCompleter();
        completer.roles = roles;
        List<Candidate> candidates = new ArrayList<>();

        completer.completeCandidates(null, null, candidates);

        assertThat(candidates).extracting(Candidate::value).containsExactly("admin", "closers");
        assertThat(candidates).extracting(Candidate::descr).containsExactly("(built-in) Everything", "Close\\u001B deals");
    }

    @Test
    void offersTeamNamesWithSizes() {
        when(teams.list()).thenReturn(List.of(new Team("north", "Up north", Set.of("u-1")),
                new Team("south", null, Set.of("u-1", "u-2"))));
        TeamNameCompleter completer = new TeamNameCompleter();
        completer.teams = teams;
        List<Candidate> candidates = new ArrayList<>();

        completer.completeCandidates(null, null, candidates);

        assertThat(candidates).extracting(Candidate::value).containsExactly("north", "south");
        assertThat(candidates).extracting(Candidate::descr).containsExactly("(1 member) Up north", "(2 members) ");
    }

    @Test
    void offersThePermissionsOfTheCatalogue() {
        when(roles.catalogue()).thenReturn(List.of(new PermissionDefinition("contacts:read", "Read contacts", true),
                new PermissionDefinition("roles:read", "See roles", false)));
        PermissionCompleter completer = new PermissionCompleter();
        completer.roles = roles;
        List<Candidate> candidates = new ArrayList<>();

        completer.completeCandidates(null, null, candidates);

        assertThat(candidates).extracting(Candidate::value).containsExactly("contacts:read", "roles:read");
        assertThat(candidates).extracting(Candidate::descr).containsExactly("(scoped) Read contacts", "See roles");
    }

    @Test
    void offersNothingWhenTheServiceRefuses() {
        AccessDeniedException denied = new AccessDeniedException("roles:read required");
        when(roles.list()).thenThrow(denied);
        when(roles.catalogue()).thenThrow(denied);
        when(teams.list()).thenThrow(new AccessDeniedException("teams:read required"));
        RoleNameCompleter roleNames = new RoleNameCompleter();
        roleNames.roles = roles;
        PermissionCompleter permissions = new PermissionCompleter();
        permissions.roles = roles;
        TeamNameCompleter teamNames = new TeamNameCompleter();
        teamNames.teams = teams;

        assertThat(roleNames.itemsOrNone()).isEmpty();
        assertThat(permissions.itemsOrNone()).isEmpty();
        assertThat(teamNames.itemsOrNone()).isEmpty();
    }
}
