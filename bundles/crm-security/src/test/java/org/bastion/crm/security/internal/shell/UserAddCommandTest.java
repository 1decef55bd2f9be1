package org.bastion.crm.security.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.console.Session;
import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserStatus;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserAddCommandTest {

    private static final String PASSWORD = "correct horse battery staple";

    private final FakeUserService users = new FakeUserService();
    private final Session session = mock(Session.class);
    private final UserAddCommand command = new UserAddCommand();

    @TempDir
    Path directory;

    @BeforeEach
    void setUp() {
        command.users = users;
        command.session = session;
        command.username = "Alice";
        command.email = "alice@example.com";
    }

    @Test
    void asksForThePasswordTwiceAtMaskedPromptsCreatesTheUserAndNeverPrintsThePassword() throws IOException {
        when(session.readLine(PasswordInput.PROMPT, '*')).thenReturn(PASSWORD);
        when(session.readLine(PasswordInput.REPEAT_PROMPT, '*')).thenReturn(PASSWORD);
        command.displayName = "Alice Archer";
        command.roles = List.of("sales-manager", " support ");

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.err()).isEmpty();
        User created = users.findByUsername("alice").orElseThrow();
        assertThat(users.passwords.get(created.id())).isEqualTo(PASSWORD);
        assertThat(users.lastDraft.username()).isEqualTo("Alice");
        assertThat(users.lastDraft.displayName()).isEqualTo("Alice Archer");
        assertThat(users.lastDraft.email()).isEqualTo("alice@example.com");
        assertThat(users.lastDraft.roles()).containsExactlyInAnyOrder("sales-manager", "support");
        assertThat(output.outLines()).containsExactly(
                "Created user alice (id " + created.id() + ", roles sales-manager,support)");
        assertThat(output.out()).doesNotContain(PASSWORD);
        assertThat(users.lastDraft.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void defaultsTheDisplayNameToTheUsernameAndLeavesRolesToTheService() throws IOException {
        when(session.readLine(anyString(), any())).thenReturn(PASSWORD);

        ShellOutput.run(command);

        assertThat(users.lastDraft.displayName()).isEqualTo("Alice");
        assertThat(users.lastDraft.roles()).isEmpty();
        assertThat(users.findByUsername("alice").orElseThrow().roles()).containsExactly("sales");
    }

    @Test
    void remindsThatAnAdministratorMustEnrolTwoFactorLogin() throws IOException {
        when(session.readLine(anyString(), any())).thenReturn(PASSWORD);
        command.roles = List.of("admin");

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.outLines()).hasSize(2);
        assertThat(output.outLines().get(1)).startsWith("Their role requires two-factor login");
    }

    @Test
    void refusesTwoDifferentPasswordsWithoutCreatingAnything() throws IOException {
        when(session.readLine(PasswordInput.PROMPT, '*')).thenReturn(PASSWORD);
        when(session.readLine(PasswordInput.REPEAT_PROMPT, '*')).thenReturn(PASSWORD + "!");

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).containsExactly("Error: the two passwords differ; nothing changed");
        assertThat(output.err()).doesNotContain(PASSWORD);
        assertThat(users.lastDraft).isNull();
    }

    @Test
    void refusesAnEmptyAnswerWithoutAskingAgain() throws IOException {
        when(session.readLine(PasswordInput.PROMPT, '*')).thenReturn("");

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).containsExactly(
                "Error: no password typed; nothing changed (use --password-file in scripts)");
        verify(session, never()).readLine(PasswordInput.REPEAT_PROMPT, '*');
        assertThat(users.lastDraft).isNull();
    }

    @Test
    void pointsScriptsWithoutATerminalToThePasswordFile() throws IOException {
        when(session.readLine(anyString(), any())).thenThrow(new IOException("no terminal"));

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).containsExactly(
                "Error: cannot read the password from the terminal; use --password-file in scripts");
    }

    @Test
    void refusesATakenUsernameBeforeAskingForAPassword() throws IOException {
        users.add("alice", UserStatus.ACTIVE, Set.of("sales"), false);

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).containsExactly("Error: user 'Alice' already exists");
        verify(session, never()).readLine(anyString(), any());
    }

    @Test
    void reportsEveryValidationErrorOfTheServiceInOneLineWithoutThePassword() throws IOException {
        when(session.readLine(anyString(), any())).thenReturn("short");
        command.email = "nope";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.failed()).isTrue();
        assertThat(output.errLines()).containsExactly(
                "Error: email: not a valid e-mail address; password: must be at least 12 characters");
        assertThat(output.out() + output.err()).doesNotContain("short");
    }

    @Test
    void readsThePasswordFromAnOwnerOnlyFileWithoutPrompting() throws IOException {
        Path file = Files.writeString(directory.resolve("pw"), PASSWORD + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        command.passwordFile = file.toString();

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.err()).isEmpty();
        assertThat(users.lastDraft.password()).isEqualTo(PASSWORD);
        assertThat(output.outLines()).singleElement().asString().startsWith("Created user alice");
        verify(session, never()).readLine(anyString(), any());
    }

    @Test
    void takesARelativePasswordFileFromTheSessionsDirectoryAndWarnsWhenOthersMayReadIt() throws IOException {
        Path file = Files.writeString(directory.resolve("pw.txt"), PASSWORD + "\r\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        when(session.currentDir()).thenReturn(directory);
        command.passwordFile = "pw.txt";

        ShellOutput output = ShellOutput.run(command);

        assertThat(users.lastDraft.password()).isEqualTo(PASSWORD);
        assertThat(output.outLines().get(0)).isEqualTo("Warning: " + file + " is readable by other users; chmod 600 it");
    }

    @Test
    void reportsAMissingEmptyOversizedOrNonTextPasswordFileInOneLine() throws IOException {
        Path missing = directory.resolve("missing");
        Path empty = Files.writeString(directory.resolve("empty"), "\n");
        Path large = Files.writeString(directory.resolve("large"), "x".repeat((int) PasswordInput.MAX_FILE_BYTES + 1));
        Path binary = Files.write(directory.resolve("binary"), new byte[] {(byte) 0xC3, (byte) 0x28});

        assertThat(errorFor(missing)).isEqualTo("Error: password-file: no such file: " + missing);
        assertThat(errorFor(empty)).isEqualTo("Error: password-file: " + empty + " is empty");
        assertThat(errorFor(large)).isEqualTo("Error: password-file: " + large
                + " is larger than 1024 bytes; not a password file");
        assertThat(errorFor(binary)).isEqualTo("Error: password-file: " + binary + " is not UTF-8 text");
        assertThat(users.lastDraft).isNull();
    }

    @Test
    void offersNoOptionThatTakesAPasswordOnTheCommandLine() {
        List<String> names = Arrays.stream(UserAddCommand.class.getDeclaredFields())
                .map(field -> field.getAnnotation(Option.class)).filter(option -> option != null)
                .map(Option::name).toList();

        assertThat(names).containsExactlyInAnyOrder("--display-name", "--email", "--role", "--password-file");
        assertThat(fieldsOf(UserResetPasswordCommand.class)).noneMatch(field -> field.getName().equals("password"));
    }

    private static List<Field> fieldsOf(Class<?> type) {
        return Arrays.asList(type.getDeclaredFields());
    }

    private String errorFor(Path file) {
        command.passwordFile = file.toString();
        ShellOutput output = ShellOutput.run(command);
        assertThat(output.failed()).isTrue();
        return output.errLines().get(0);
    }
}
