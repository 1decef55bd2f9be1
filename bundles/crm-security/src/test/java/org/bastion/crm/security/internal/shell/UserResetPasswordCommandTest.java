package org.bastion.crm.security.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.util.Set;

import org.apache.karaf.shell.api.console.Session;
import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserStatus;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserResetPasswordCommandTest {

    private static final String PASSWORD = "a new and long passphrase";

    private final FakeUserService users = new FakeUserService();
    private final Session session = mock(Session.class);
    private final UserResetPasswordCommand command = new UserResetPasswordCommand();
    private User carol;

    @BeforeEach
    void setUp() {
        carol = users.add("carol", UserStatus.ACTIVE, Set.of("sales"), false);
        command.users = users;
        command.session = session;
        command.username = "carol";
    }

    @Test
    void setsThePasswordTypedTwiceAtMaskedPromptsWithoutPrintingIt() throws IOException {
        when(session.readLine(PasswordInput.PROMPT, '*')).thenReturn(PASSWORD);
        when(session.readLine(PasswordInput.REPEAT_PROMPT, '*')).thenReturn(PASSWORD);

        ShellOutput output = ShellOutput.run(command);

        assertThat(users.passwords.get(carol.id())).isEqualTo(PASSWORD);
        assertThat(output.outLines()).containsExactly("carol: password set, every session ended (status ACTIVE)");
        assertThat(output.out()).doesNotContain(PASSWORD);
    }

    @Test
    void changesNothingWhenTheTwoPasswordsDiffer() throws IOException {
        when(session.readLine(PasswordInput.PROMPT, '*')).thenReturn(PASSWORD);
        when(session.readLine(PasswordInput.REPEAT_PROMPT, '*')).thenReturn("something else entirely");

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).containsExactly("Error: the two passwords differ; nothing changed");
        assertThat(users.passwords).isEmpty();
        assertThat(users.calls).isEmpty();
    }

    @Test
    void reportsThePolicysVerdictInOneLine() throws IOException {
        when(session.readLine(anyString(), any())).thenReturn("tooshort");

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).containsExactly("Error: password: must be at least 12 characters");
        assertThat(output.err()).doesNotContain("tooshort");
    }

    @Test
    void looksTheUserUpBeforeAskingForAPassword() throws IOException {
        command.username = "nobody";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).containsExactly("Error: user 'nobody' not found");
        verify(session, never()).readLine(anyString(), any());
    }
}
