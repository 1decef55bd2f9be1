package org.bastion.crm.security.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserStatus;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserShowCommandTest {

    private final FakeUserService users = new FakeUserService();
    private final UserShowCommand command = new UserShowCommand();

    @BeforeEach
    void setUp() {
        command.users = users;
    }

    @Test
    void showsEveryDetailOfTheUserFoundByUsernameIgnoringCase() {
        User admin = users.add("admin", UserStatus.ACTIVE, Set.of("admin"), true);
        command.username = " ADMIN ";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.err()).isEmpty();
        assertThat(output.outLines()).containsExactly(
                "ID:                  " + admin.id(),
                "Username:            admin",
                "Name:                Admin",
                "E-mail:              admin@example.com",
                "Status:              ACTIVE",
                "Roles:               admin",
                "2FA:                 on, required by a role",
                "Recovery codes left: 10",
                "Created:             2026-01-02 03:04:05Z",
                "Last login:          never");
    }

    @Test
    void showsWhenALockedAccountUnlocksAndHowToLiftTheLock() {
        users.add("carol", UserStatus.LOCKED, Set.of("sales"), false);
        command.username = "carol";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.outLines()).contains("Locked until:        2026-01-02 03:14:05Z (lift with crm:user-unlock)",
                "2FA:                 off");
    }

    @Test
    void reportsAnUnknownUserInOneLine() {
        command.username = "nobody";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.out()).isEmpty();
        assertThat(output.errLines()).containsExactly("Error: user 'nobody' not found");
    }

    @Test
    void neutralisesControlCharactersInStoredValues() {
        User user = users.add("eve", UserStatus.ACTIVE, Set.of("sales"), false);
        users.byId.put(user.id(), new User(user.id(), "eve", "Eve\u001b[2J\nX", null, UserStatus.ACTIVE, null,
                Set.of("sales"), false, false, 0, user.createdAt(), null));
        command.username = "eve";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.outLines()).contains("Name:                Eve\\u001B[2J X", "E-mail:              ");
    }
}
