package org.bastion.crm.permissions.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bastion.crm.api.permissions.Role;
import org.bastion.crm.permissions.internal.PermissionsFixture;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Descriptions typed in the shell meet the platform text rule in the real services: one clear error line. */
class UnsafeDescriptionCommandsTest {

    private final PermissionsFixture fixture = new PermissionsFixture();

    @BeforeEach
    void actAsAdministrator() {
        fixture.actAsAdmin();
    }

    @Test
    void teamAddRefusesAnEscapeSequenceWithOneErrorLineAndCreatesNothing() {
        TeamAddCommand command = new TeamAddCommand();
        command.teams = fixture.teams;
        command.name = "north";
        command.description = "North\u001b[2J\u001b]0;pwned\u0007";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.out()).isEmpty();
        assertThat(output.errLines()).containsExactly(
                "Error: description: must not contain control characters (U+001B at position 6)");
        assertThat(fixture.teams.find("north")).isEmpty();
    }

    @Test
    void roleAddRefusesARightToLeftOverrideWithOneErrorLineAndCreatesNothing() {
        RoleAddCommand command = new RoleAddCommand();
        command.roles = fixture.roles;
        command.name = "viewer";
        command.description = "reads \u202Eslatot";
        command.permissions = List.of("contacts:read");

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.out()).isEmpty();
        assertThat(output.errLines()).containsExactly("Error: description: must not contain bidirectional override,"
                + " embedding or isolate characters (U+202E at position 7)");
        assertThat(fixture.roles.find("viewer")).isEmpty();
    }

    @Test
    void roleListEscapesTextStoredBeforeTheRule() {
        Role legacy = new Role("legacy", "NUL\u0000 ESC\u001b[31m RLO\u202E CR\r LF\n", java.util.Set.of(), false,
                java.util.Set.of());
        org.bastion.crm.api.permissions.RoleService roles = org.mockito.Mockito.mock(
                org.bastion.crm.api.permissions.RoleService.class);
        org.mockito.Mockito.when(roles.list()).thenReturn(List.of(legacy));
        RoleListCommand list = new RoleListCommand();
        list.roles = roles;

        String out = ShellOutput.run(list).out();

        assertThat(out).doesNotContain("\u0000", "\u001b", "\u202E", "\r").contains("NUL\\u0000 ESC\\u001B[31m RLO\\u202E");
    }
}
