package org.bastion.crm.permissions.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.permissions.PermissionDefinition;
import org.bastion.crm.api.permissions.RoleService;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PermissionListCommandTest {

    private final RoleService roles = mock(RoleService.class);
    private final PermissionListCommand command = new PermissionListCommand();

    @BeforeEach
    void setUp() {
        command.roles = roles;
    }

    @Test
    void listsPermissionsSortedWithScopeAndDescription() {
        when(roles.catalogue()).thenReturn(List.of(
                new PermissionDefinition("roles:read", "See roles", false),
                new PermissionDefinition("contacts:read", "Read contacts\u001b[31m", true)));

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.err()).isEmpty();
        assertThat(output.outLines().get(0)).contains("Permission", "Scoped", "Description");
        assertThat(output.outLines().get(2)).startsWith("contacts:read").contains("yes", "Read contacts\\u001B[31m");
        assertThat(output.outLines().get(3)).startsWith("roles:read").contains("no", "See roles");
        assertThat(output.out()).doesNotContain("\u001b");
    }

    @Test
    void saysSoWhenNothingIsDefined() {
        when(roles.catalogue()).thenReturn(List.of());
        assertThat(ShellOutput.run(command).out()).contains("no permissions defined");
    }

    @Test
    void aRefusalIsOneErrorLine() {
        when(roles.catalogue()).thenThrow(new AccessDeniedException("roles:read required"));

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.failed()).isTrue();
        assertThat(output.errLines()).containsExactly("Error: roles:read required");
        assertThat(output.out()).isEmpty();
    }
}
