package org.bastion.crm.crypto.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.karaf.shell.api.console.Session;
import org.bastion.crm.api.crypto.KeyStatus;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyUnlockCommandTest {

    private final FakeKeyService service = new FakeKeyService();
    private final KeyUnlockCommand command = new KeyUnlockCommand();
    private final Session session = mock(Session.class);

    @TempDir
    Path directory;

    @BeforeEach
    void setUp() {
        service.status = new KeyStatus(KeyStatus.State.LOCKED, "no passphrase", 0);
        command.keys = service;
        command.session = session;
    }

    @Test
    void readsThePassphraseAtAMaskedPromptUnlocksAndPrintsTheNewStatus() throws IOException {
        when(session.readLine(KeyUnlockCommand.PROMPT, '*')).thenReturn(FakeKeyService.PASSPHRASE);

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.err()).isEmpty();
        assertThat(service.unlockedWith).isEqualTo(FakeKeyService.PASSPHRASE);
        assertThat(output.outLines()).containsExactly("Keys: UNLOCKED, master key v3 - unlocked by an operator");
        assertThat(output.out()).doesNotContain(FakeKeyService.PASSPHRASE);
    }

    @Test
    void wipesThePassphraseArrayAfterwardsEvenWhenItIsWrong() throws IOException {
        when(session.readLine(KeyUnlockCommand.PROMPT, '*')).thenReturn("wrong horse");

        ShellOutput output = ShellOutput.run(command);

        assertThat(service.unlockArray).containsOnly('\0');
        assertThat(output.out()).isEmpty();
        assertThat(output.errLines()).containsExactly("Error: passphrase: does not open the keystore");
    }

    @Test
    void refusesAnEmptyAnswerWithoutCallingTheService() throws IOException {
        when(session.readLine(KeyUnlockCommand.PROMPT, '*')).thenReturn("");

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).containsExactly(
                "Error: no passphrase typed; nothing unlocked (use --passphrase-file in scripts)");
        assertThat(service.unlockArray).isNull();
    }

    @Test
    void pointsScriptsWithoutATerminalToThePassphraseFile() throws IOException {
        when(session.readLine(KeyUnlockCommand.PROMPT, '*')).thenThrow(new IOException("no terminal"));

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).containsExactly(
                "Error: cannot read the passphrase from the terminal; use --passphrase-file in scripts");
    }

    @Test
    void failsWhenTheServiceLeavesTheKeysLocked() throws IOException {
        KeyStatus stillLocked = new KeyStatus(KeyStatus.State.LOCKED, "keystore missing", 0);
        command.keys = new FakeKeyService() {
            @Override
            public KeyStatus unlock(char[] passphrase) {
                return stillLocked;
            }
        };
        when(session.readLine(KeyUnlockCommand.PROMPT, '*')).thenReturn("anything");

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.outLines()).containsExactly("Keys: LOCKED - keystore missing (unlock with crm:key-unlock)");
        assertThat(output.errLines()).containsExactly("Error: the keys are still locked");
    }

    @Test
    void readsThePassphraseFromAFileWithoutItsTrailingLineBreakAndWithoutPrompting() throws IOException {
        Path file = ownerOnly(directory.resolve("passphrase"), FakeKeyService.PASSPHRASE + "\r\n");
        command.passphraseFile = file.toString();

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.err()).isEmpty();
        assertThat(service.unlockedWith).isEqualTo(FakeKeyService.PASSPHRASE);
        assertThat(service.unlockArray).containsOnly('\0');
        assertThat(output.outLines()).containsExactly("Keys: UNLOCKED, master key v3 - unlocked by an operator");
        verify(session, never()).readLine(KeyUnlockCommand.PROMPT, '*');
    }

    @Test
    void takesARelativeFileFromTheSessionsCurrentDirectory() throws IOException {
        ownerOnly(directory.resolve("pass.txt"), "  " + FakeKeyService.PASSPHRASE + " \n");
        when(session.currentDir()).thenReturn(directory);
        command.passphraseFile = "pass.txt";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.failed()).isTrue();
        assertThat(service.unlockedWith).as("spaces belong to the passphrase").isEqualTo("  " + FakeKeyService.PASSPHRASE + " ");
    }

    @Test
    void warnsWhenThePassphraseFileIsReadableByOthers() throws IOException {
        Path file = Files.writeString(directory.resolve("open"), FakeKeyService.PASSPHRASE, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        command.passphraseFile = file.toString();

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.outLines()).containsExactly("Warning: " + file + " is readable by other users; chmod 600 it",
                "Keys: UNLOCKED, master key v3 - unlocked by an operator");
    }

    @Test
    void reportsAMissingEmptyOversizedOrNonTextFileInOneLineWithoutUnlocking() throws IOException {
        Path missing = directory.resolve("missing");
        Path empty = ownerOnly(directory.resolve("empty"), "\n");
        Path large = ownerOnly(directory.resolve("large"), "x".repeat((int) PassphraseFile.MAX_BYTES + 1));
        Path binary = Files.write(directory.resolve("binary"), new byte[] {(byte) 0xC3, (byte) 0x28});

        assertThat(errorFor(missing)).isEqualTo("Error: passphrase-file: no such file: " + missing);
        assertThat(errorFor(empty)).isEqualTo("Error: passphrase-file: " + empty + " is empty");
        assertThat(errorFor(large)).isEqualTo("Error: passphrase-file: " + large
                + " is larger than 4096 bytes; not a passphrase file");
        assertThat(errorFor(binary)).isEqualTo("Error: passphrase-file: " + binary + " is not UTF-8 text");
        assertThat(errorFor(directory)).isEqualTo("Error: passphrase-file: no such file: " + directory);
        assertThat(service.unlockArray).isNull();
    }

    private String errorFor(Path file) {
        command.passphraseFile = file.toString();
        ShellOutput output = ShellOutput.run(command);
        assertThat(output.failed()).isTrue();
        return output.errLines().get(0);
    }

    private static Path ownerOnly(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
