package org.bastion.crm.security.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.bastion.crm.api.security.UserStatus;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserListCommandTest {

    private final FakeUserService users = new FakeUserService();
    private final UserListCommand command = new UserListCommand();

    @BeforeEach
    void setUp() {
        command.users = users;
        users.add("carol", UserStatus.LOCKED, Set.of("sales"), false);
        users.add("admin", UserStatus.ACTIVE, Set.of("admin"), true);
        users.add("bob", UserStatus.DISABLED, Set.of("support", "auditor"), false);
    }

    @Test
    void listsUsersByUsernameWithStatusRolesAndTwoFactorState() {
        ShellOutput output = ShellOutput.run(command);

        assertThat(output.err()).isEmpty();
        assertThat(output.outLines().get(0)).contains("Username", "Name", "Status", "Roles", "2FA", "Last login");
        assertThat(output.outLines().get(2)).startsWith("admin").contains("ACTIVE", "admin", " on ");
        assertThat(output.outLines().get(3)).startsWith("bob").contains("DISABLED", "auditor,support", " off ");
        assertThat(output.outLines().get(4)).startsWith("carol").contains("LOCKED", "sales");
        assertThat(output.outLines().get(5)).isEqualTo("Page 1 of 1 (3 users)");
        assertThat(output.out()).doesNotContain("@example.com");
    }

    @Test
    void asksTheServiceForTheRequestedPageCountingFromOne() {
        command.page = 2;
        command.size = 2;

        ShellOutput output = ShellOutput.run(command);

        assertThat(users.lastPage.page()).isEqualTo(1);
        assertThat(users.lastPage.size()).isEqualTo(2);
        assertThat(output.outLines()).anyMatch(line -> line.startsWith("carol"));
        assertThat(output.outLines()).last().isEqualTo("Page 2 of 2 (3 users)");
    }

    @Test
    void flagsAnAdministratorWhoHasNotEnrolledTwoFactorLogin() {
        users.add("dave", UserStatus.ACTIVE, Set.of("admin"), false);

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.outLines()).anyMatch(line -> line.startsWith("dave") && line.contains("missing"));
    }

    @Test
    void rejectsAPageBelowOneAndASizeAboveTheLimit() {
        command.page = 0;
        assertThat(ShellOutput.run(command).errLines()).containsExactly("Error: page: must be 1 or more");

        command.page = 1;
        command.size = 500;
        assertThat(ShellOutput.run(command).errLines()).containsExactly("Error: size: must be between 1 and 200");
    }

    @Test
    void saysSoWhenThereAreNoUsers() {
        users.byId.clear();

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.out()).contains("no users").contains("Page 1 of 1 (0 users)");
    }
}
