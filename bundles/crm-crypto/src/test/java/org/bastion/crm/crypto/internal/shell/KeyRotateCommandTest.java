package org.bastion.crm.crypto.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyStatus;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyRotateCommandTest {

    private static final UUID ANY = UUID.fromString("00000000-0000-0000-0000-0000000000ff");

    private final FakeKeyService service = new FakeKeyService();
    private final KeyRotateCommand command = new KeyRotateCommand();
    private final List<Duration> pauses = new ArrayList<>();

    @BeforeEach
    void setUp() {
        command.keys = service;
        command.pause = pauses::add;
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void startsTheRotationAndPrintsOnlyItsId() {
        command.purpose = "field";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.err()).isEmpty();
        assertThat(service.rotated).isEqualTo(KeyPurpose.FIELD);
        assertThat(output.outLines()).containsExactly(service.rotations.get(0).id().toString());
        assertThat(pauses).isEmpty();
    }

    @Test
    void acceptsEveryWireNameWhateverItsCase() {
        command.purpose = "Blind-Index";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.failed()).isFalse();
        assertThat(service.rotated).isEqualTo(KeyPurpose.BLIND_INDEX);
    }

    @Test
    void rejectsAnUnknownPurposeNamingTheValidOnes() {
        command.purpose = "fields";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.out()).isEmpty();
        assertThat(output.errLines()).containsExactly(
                "Error: purpose: unknown key purpose 'fields': use master, field, blind-index, backup, audit-signing");
        assertThat(service.rotated).isNull();
    }

    @Test
    void reportsARotationAlreadyRunningInOneLine() {
        service.add(FakeKeyService.running(ANY, KeyPurpose.MASTER, 1, 3));
        command.purpose = "master";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).containsExactly("Error: a rotation of the master key is already running");
    }

    @Test
    void reportsLockedKeysInOneLine() {
        service.status = new KeyStatus(KeyStatus.State.LOCKED, "no keystore", 0);
        command.purpose = "field";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.failed()).isTrue();
        assertThat(output.errLines()).containsExactly("Error: the master key is locked");
    }

    @Test
    void withWaitPrintsEachChangeOfProgressEveryQuarterSecondUntilCompleted() {
        service.nextRotationScript = List.of(
                FakeKeyService.running(ANY, KeyPurpose.FIELD, 0, 1234),
                FakeKeyService.running(ANY, KeyPurpose.FIELD, 500, 1234),
                FakeKeyService.running(ANY, KeyPurpose.FIELD, 500, 1234),
                FakeKeyService.running(ANY, KeyPurpose.FIELD, 1000, 1234),
                FakeKeyService.completed(ANY, KeyPurpose.FIELD, 1234));
        command.purpose = "field";
        command.waitForEnd = true;

        ShellOutput output = ShellOutput.run(command);

        String id = service.rotations.get(0).id().toString();
        assertThat(output.err()).isEmpty();
        assertThat(output.outLines()).containsExactly(
                id,
                "field v1 -> v2: 0/1234 (0%)",
                "field v1 -> v2: 500/1234 (40%)",
                "field v1 -> v2: 1000/1234 (81%)",
                "field v1 -> v2: 1234/1234 (100%)",
                "Rotation " + id + " completed: field v2 is in use, v1 is retired");
        assertThat(pauses).hasSize(5).containsOnly(Duration.ofMillis(250));
    }

    @Test
    void withWaitFailsWithTheRotationsErrorWhenItFails() {
        service.nextRotationScript = List.of(
                FakeKeyService.running(ANY, KeyPurpose.BLIND_INDEX, 10, 40),
                FakeKeyService.failed(ANY, KeyPurpose.BLIND_INDEX, 20, 40, "database connection lost"));
        command.purpose = "blind-index";
        command.waitForEnd = true;

        ShellOutput output = ShellOutput.run(command);

        String id = service.rotations.get(0).id().toString();
        assertThat(output.outLines()).containsExactly(id, "blind-index v1 -> v2: 0/1234 (0%)",
                "blind-index v1 -> v2: 10/40 (25%)", "blind-index v1 -> v2: 20/40 (50%)");
        assertThat(output.errLines()).containsExactly("Error: rotation " + id
                + " failed: database connection lost; run crm:key-rotate blind-index again to resume it");
    }

    @Test
    void withWaitStopsWaitingWhenInterruptedAndSaysTheRotationGoesOn() {
        command.pause = duration -> {
            throw new InterruptedException();
        };
        command.purpose = "backup";
        command.waitForEnd = true;

        ShellOutput output = ShellOutput.run(command);

        String id = service.rotations.get(0).id().toString();
        assertThat(output.errLines()).containsExactly("Error: stopped waiting; rotation " + id
                + " goes on in the background (see crm:key-status " + id + ")");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void withWaitFailsWhenTheRotationIsNoLongerKnown() {
        command.purpose = "field";
        command.waitForEnd = true;
        command.pause = duration -> service.script.clear();

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).singleElement().asString().startsWith("Error: key rotation ").endsWith(" not found");
    }
}
