package org.bastion.crm.crypto.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyStatus;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyStatusCommandTest {

    private static final UUID ID = UUID.fromString("3f2e1d0c-0000-4000-8000-000000000001");

    private final FakeKeyService service = new FakeKeyService();
    private final KeyStatusCommand command = new KeyStatusCommand();

    @BeforeEach
    void setUp() {
        command.keys = service;
    }

    @Test
    void withoutAnIdPrintsTheStatusLineAndTheRunningRotations() {
        service.add(FakeKeyService.running(ID, KeyPurpose.MASTER, 1, 3));

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.err()).isEmpty();
        assertThat(output.outLines()).containsExactly("Keys: UNLOCKED, master key v2 - passphrase from the environment",
                "Rotating master v1 -> v2: 1/3 (33%), rotation " + ID);
    }

    @Test
    void reportsLockedKeysAsAStatusNotAnError() {
        service.status = new KeyStatus(KeyStatus.State.LOCKED, "keystore passphrase missing", 0);

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.failed()).isFalse();
        assertThat(output.outLines()).containsExactly(
                "Keys: LOCKED - keystore passphrase missing (unlock with crm:key-unlock)");
    }

    @Test
    void withAnIdPrintsThatRotationsStateProgressAndTimes() {
        service.add(FakeKeyService.completed(ID, KeyPurpose.FIELD, 1234));
        command.rotationId = ID.toString();

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.outLines()).containsExactly(
                "Rotation:  " + ID,
                "Purpose:   field",
                "Versions:  v1 -> v2",
                "State:     COMPLETED",
                "Progress:  1234/1234 (100%)",
                "Started:   2025-03-01 10:15:30Z",
                "Finished:  2025-03-01 10:17:00Z");
    }

    @Test
    void showsWhyARotationFailed() {
        service.add(FakeKeyService.failed(ID, KeyPurpose.BLIND_INDEX, 3, 9, "disk full\n\u001b[0m"));
        command.rotationId = ID.toString().toUpperCase(java.util.Locale.ROOT);

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.outLines()).contains("State:     FAILED", "Progress:  3/9 (33%)", "Error:     disk full \\u001B[0m");
    }

    @Test
    void saysSoWhenNoRotationHasThatId() {
        command.rotationId = ID.toString();

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.out()).isEmpty();
        assertThat(output.errLines()).containsExactly("Error: key rotation " + ID + " not found");
    }

    @Test
    void rejectsAnIdThatIsNotACanonicalUuid() {
        command.rotationId = "1-1-1-1-1";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).singleElement().asString()
                .startsWith("Error: id: not a valid rotation id").endsWith("'1-1-1-1-1'");
    }
}
