package org.bastion.crm.security.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.security.UserStatus;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserStateCommandsTest {

    private final FakeUserService users = new FakeUserService();

    @BeforeEach
    void setUp() {
        users.add("admin", UserStatus.ACTIVE, Set.of("admin"), true);
        users.add("carol", UserStatus.LOCKED, Set.of("sales"), false);
        users.add("bob", UserStatus.DISABLED, Set.of("support"), false);
    }

    @Test
    void disablesTheNamedUser() {
        UserDisableCommand command = disable("Carol");

        ShellOutput output = ShellOutput.run(command);

        assertThat(users.calls).containsExactly("disable carol");
        assertThat(output.outLines()).containsExactly("carol: disabled, every session ended (status DISABLED)");
    }

    @Test
    void reportsTheServicesRefusalToDisableTheLastAdministrator() {
        UserDisableCommand command = disable("admin");
        command.users = new FakeUserService() {
            @Override
            public org.bastion.crm.api.security.User disable(String id) {
                throw new ConflictException("the last active administrator cannot be disabled");
            }
        };
        ((FakeUserService) command.users).add("admin", UserStatus.ACTIVE, Set.of("admin"), true);

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).containsExactly("Error: the last active administrator cannot be disabled");
    }

    @Test
    void enablesTheNamedUser() {
        UserEnableCommand command = enable("bob");

        ShellOutput output = ShellOutput.run(command);

        assertThat(users.calls).containsExactly("enable bob");
        assertThat(output.outLines()).containsExactly("bob: enabled (status ACTIVE)");
    }

    @Test
    void unlocksTheNamedUser() {
        UserUnlockCommand command = unlock("carol");

        ShellOutput output = ShellOutput.run(command);

        assertThat(users.calls).containsExactly("unlock carol");
        assertThat(output.outLines()).containsExactly("carol: unlocked, failed attempts forgotten (status ACTIVE)");
    }

    @Test
    void resetsTwoFactorLoginAndSaysAnAdministratorMustEnrolAgain() {
        UserResetTotpCommand command = resetTotp("admin");

        ShellOutput output = ShellOutput.run(command);

        assertThat(users.calls).containsExactly("resetTotp admin");
        assertThat(users.findByUsername("admin").orElseThrow().totpEnabled()).isFalse();
        assertThat(output.outLines()).containsExactly("admin: two-factor login removed; a role requires it, so the "
                + "user must enrol again after the next login (status ACTIVE)");
    }

    @Test
    void reportsAnUnknownUserWithoutChangingAnything() {
        UserUnlockCommand command = unlock("mallory");

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).containsExactly("Error: user 'mallory' not found");
        assertThat(users.calls).isEmpty();
    }

    private UserDisableCommand disable(String username) {
        UserDisableCommand command = new UserDisableCommand();
        command.users = users;
        command.username = username;
        return command;
    }

    private UserEnableCommand enable(String username) {
        UserEnableCommand command = new UserEnableCommand();
        command.users = users;
        command.username = username;
        return command;
    }

    private UserUnlockCommand unlock(String username) {
        UserUnlockCommand command = new UserUnlockCommand();
        command.users = users;
        command.username = username;
        return command;
    }

    private UserResetTotpCommand resetTotp(String username) {
        UserResetTotpCommand command = new UserResetTotpCommand();
        command.users = users;
        command.username = username;
        return command;
    }
}
