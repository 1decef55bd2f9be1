package org.bastion.crm.security.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserStatus;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserRolesCommandTest {

    private final FakeUserService users = new FakeUserService();

    @BeforeEach
    void setUp() {
        users.add("admin", UserStatus.ACTIVE, Set.of("admin"), true);
        users.add("carol", UserStatus.ACTIVE, Set.of("support", "sales"), false);
    }

    @Test
    void withoutRolesPrintsTheUsersRolesSorted() {
        ShellOutput output = ShellOutput.run(command("Carol"));

        assertThat(output.outLines()).containsExactly("carol: sales,support");
        assertThat(users.calls).isEmpty();
    }

    @Test
    void withRolesReplacesThem() {
        ShellOutput output = ShellOutput.run(command("carol", "dpo", "auditor"));

        assertThat(users.calls).containsExactly("setRoles carol [auditor, dpo]");
        assertThat(output.outLines()).containsExactly("carol: roles set to auditor,dpo (status ACTIVE)");
    }

    @Test
    void reportsUnknownRolesOnOneLineWithoutChangingAnything() {
        ShellOutput output = ShellOutput.run(command("carol", "wizard", "gnome"));

        assertThat(output.errLines()).containsExactly("Error: roles: unknown role gnome; roles: unknown role wizard");
        assertThat(users.findByUsername("carol").orElseThrow().roles()).containsExactlyInAnyOrder("support", "sales");
    }

    @Test
    void reportsTheServicesRefusalToTakeTheLastAdministratorsRole() {
        FakeUserService refusing = new FakeUserService() {
            @Override
            public User setRoles(String id, Set<String> roles) {
                throw new ConflictException("This is the last active administrator; it keeps the admin role.");
            }
        };
        refusing.add("admin", UserStatus.ACTIVE, Set.of("admin"), true);
        UserRolesCommand command = command("admin", "sales");
        command.users = refusing;

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines())
                .containsExactly("Error: This is the last active administrator; it keeps the admin role.");
    }

    @Test
    void reportsAnUnknownUser() {
        ShellOutput output = ShellOutput.run(command("mallory", "sales"));

        assertThat(output.errLines()).containsExactly("Error: user 'mallory' not found");
        assertThat(users.calls).isEmpty();
    }

    private UserRolesCommand command(String username, String... roles) {
        UserRolesCommand command = new UserRolesCommand();
        command.users = users;
        command.username = username;
        command.roles = roles.length == 0 ? null : List.of(roles);
        return command;
    }
}
