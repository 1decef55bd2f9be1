package org.bastion.crm.permissions.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.permissions.Role;
import org.bastion.crm.api.permissions.RoleService;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.Test;

class RoleReadCommandsTest {

    private final RoleService roles = mock(RoleService.class);

    private static Role closers() {
        return new Role("closers", "Close deals", Set.of("contacts:read:team", "gdpr:export", "contacts:write:own"),
                false, Set.of("gdpr:export"));
    }

    @Test
    void roleListShowsNameBuiltInPermissionCountAndDescription() {
        when(roles.list()).thenReturn(List.of(new Role("admin", "Everything", Set.of("*"), true, Set.of()), closers()));
        RoleListCommand command = new RoleListCommand();
        command.roles = roles;

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.outLines().get(0)).contains("Name", "Built-in", "Permissions", "Description");
        assertThat(output.outLines().get(2)).startsWith("admin").contains("yes", " 1 ", "Everything");
        assertThat(output.outLines().get(3)).startsWith("closers").contains("no", " 3 ", "Close deals");
    }

    @Test
    void roleListSaysSoWhenThereAreNone() {
        when(roles.list()).thenReturn(List.of());
        RoleListCommand command = new RoleListCommand();
        command.roles = roles;

        assertThat(ShellOutput.run(command).out()).contains("no roles");
    }

    @Test
    void roleShowPrintsEachPermissionOnItsLineAndMarksTheUndefined() {
        when(roles.find("closers")).thenReturn(Optional.of(closers()));

        ShellOutput output = ShellOutput.run(show(" closers "));

        assertThat(output.outLines()).containsExactly(
                "Name:         closers",
                "Description:  Close deals",
                "Built-in:     no",
                "Permissions:  3",
                "  contacts:read:team",
                "  contacts:write:own",
                "  gdpr:export" + RoleShowCommand.UNDEFINED);
    }

    @Test
    void roleShowOfAnUnknownRoleIsOneErrorLineWithTheNameMadeSafe() {
        when(roles.find(any())).thenReturn(Optional.empty());

        assertThat(ShellOutput.run(show("nobody")).errLines()).containsExactly("Error: role 'nobody' not found");
        assertThat(ShellOutput.run(show("a\u001b[2Jb")).errLines()).containsExactly("Error: role 'a\\u001B[2Jb' not found");
    }

    @Test
    void roleShowReportsARefusal() {
        when(roles.find("closers")).thenThrow(new AccessDeniedException("roles:read required"));
        assertThat(ShellOutput.run(show("closers")).errLines()).containsExactly("Error: roles:read required");
    }

    private RoleShowCommand show(String name) {
        RoleShowCommand command = new RoleShowCommand();
        command.roles = roles;
        command.name = name;
        return command;
    }
}
