package org.bastion.crm.crypto.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.bastion.crm.api.crypto.DataKeyInfo;
import org.bastion.crm.api.crypto.DataKeyInfo.KeyState;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyStatus;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyListCommandTest {

    private final FakeKeyService service = new FakeKeyService();
    private final KeyListCommand command = new KeyListCommand();

    @BeforeEach
    void setUp() {
        command.keys = service;
    }

    @Test
    void printsOneRowPerKeyVersionWithPurposeStateDatesMasterVersionAndRecordCount() {
        service.keys.add(new DataKeyInfo("master-v2", KeyPurpose.MASTER, 2, KeyState.ACTIVE, FakeKeyService.T0, null, 0, 3));
        service.keys.add(new DataKeyInfo("field-v1", KeyPurpose.FIELD, 1, KeyState.RETIRED, FakeKeyService.T0,
                FakeKeyService.T0.plusSeconds(3600), 2, 0));
        service.keys.add(new DataKeyInfo("blind-index-v1", KeyPurpose.BLIND_INDEX, 1, KeyState.ACTIVE,
                FakeKeyService.T0.plusSeconds(1), null, 2, 1234));
        service.keys.add(new DataKeyInfo("backup-v1", KeyPurpose.BACKUP, 1, KeyState.ACTIVE, FakeKeyService.T0, null, 2, -1));

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.err()).isEmpty();
        assertThat(output.outLines().get(0)).contains("ID", "Purpose", "Version", "State", "Created", "Retired", "Master",
                "Records");
        assertThat(cells(rowOf(output, "master-v2"))).containsExactly("master-v2", "master", "2", "ACTIVE",
                "2025-03-01 10:15:30Z", "", "-", "3");
        assertThat(cells(rowOf(output, "field-v1"))).containsExactly("field-v1", "field", "1", "RETIRED",
                "2025-03-01 10:15:30Z", "2025-03-01 11:15:30Z", "v2", "0");
        assertThat(cells(rowOf(output, "blind-index-v1"))).containsExactly("blind-index-v1", "blind-index", "1", "ACTIVE",
                "2025-03-01 10:15:31Z", "", "v2", "1234");
        assertThat(cells(rowOf(output, "backup-v1"))).endsWith("v2", "-");
        assertThat(output.outLines()).last().isEqualTo("Keys: UNLOCKED, master key v2 - passphrase from the environment");
    }

    @Test
    void endsWithTheStatusLineAndOneProgressLinePerRunningRotation() {
        service.keys.add(new DataKeyInfo("field-v2", KeyPurpose.FIELD, 2, KeyState.ACTIVE, FakeKeyService.T0, null, 2, 500));
        UUID done = UUID.fromString("00000000-0000-0000-0000-00000000000d");
        UUID running = UUID.fromString("00000000-0000-0000-0000-00000000000e");
        service.add(FakeKeyService.completed(done, KeyPurpose.BLIND_INDEX, 10));
        service.add(FakeKeyService.running(running, KeyPurpose.FIELD, 500, 1234));

        ShellOutput output = ShellOutput.run(command);

        int status = output.outLines().indexOf("Keys: UNLOCKED, master key v2 - passphrase from the environment");
        assertThat(status).isPositive();
        assertThat(output.outLines().subList(status + 1, output.outLines().size()))
                .containsExactly("Rotating field v1 -> v2: 500/1234 (40%), rotation " + running);
    }

    @Test
    void saysSoWhenThereAreNoKeys() {
        ShellOutput output = ShellOutput.run(command);

        assertThat(output.out()).contains("no keys");
        assertThat(output.failed()).isFalse();
    }

    @Test
    void failsInOneLineNamingTheUnlockCommandWhileTheKeysAreLocked() {
        service.status = new KeyStatus(KeyStatus.State.LOCKED, "wrong passphrase", 0);

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.failed()).isTrue();
        assertThat(output.out()).isEmpty();
        assertThat(output.errLines()).containsExactly("Error: the master key is locked (unlock with crm:key-unlock)");
    }

    @Test
    void neutralisesControlCharactersInKeyIds() {
        service.keys.add(new DataKeyInfo("field-v1\u001b[31m", KeyPurpose.FIELD, 1, KeyState.ACTIVE, FakeKeyService.T0,
                null, 2, 0));

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.out()).doesNotContain("\u001b").contains("field-v1\\u001B[31m");
    }

    private static String rowOf(ShellOutput output, String id) {
        return output.outLines().stream().filter(line -> line.startsWith(id + " ")).findFirst().orElseThrow();
    }

    private static String[] cells(String row) {
        String[] cells = row.split("\\|", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].strip();
        }
        return cells;
    }
}
