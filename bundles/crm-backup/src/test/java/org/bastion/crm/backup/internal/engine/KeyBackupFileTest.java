package org.bastion.crm.backup.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bastion.crm.backup.internal.engine.BackupFailure.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyBackupFileTest {

    @TempDir
    Path directory;

    private final EngineFixture fixture = new EngineFixture().withRows();

    KeyBackupFileTest() throws Exception {
        fixture.recordKeys.keys.put("contact/1", "wrapped-secret-1");
        fixture.recordKeys.keys.put("contact/2", "wrapped-secret-2");
        fixture.recordKeys.keys.put("contact/3", "wrapped-secret-3");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theKeyBackupPutsBackOnlyTheKeysThatAreMissing() throws Exception {
        assertThat(fixture.engine().writeKeyBackup(directory)).isEqualTo(3);
        fixture.recordKeys.keys.remove("contact/1");
        fixture.recordKeys.keys.put("contact/2", "current-2");

        assertThat(fixture.engine().restoreKeyBackup(directory)).isEqualTo(1);

        assertThat(fixture.recordKeys.keys).containsEntry("contact/1", "wrapped-secret-1")
                .containsEntry("contact/2", "current-2").hasSize(3);
        String bytes = new String(Files.readAllBytes(directory.resolve("record-keys.cbk")),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(bytes).doesNotContain("wrapped-secret", "contact/");
    }

    @Test
    void rewritingReplacesTheKeyBackupSoAShreddedKeyStaysGone() {
        fixture.engine().writeKeyBackup(directory);
        fixture.recordKeys.keys.remove("contact/2");
        assertThat(fixture.engine().writeKeyBackup(directory)).isEqualTo(2);
        fixture.recordKeys.keys.clear();

        assertThat(fixture.engine().restoreKeyBackup(directory)).isEqualTo(2);

        assertThat(fixture.recordKeys.keys).containsOnlyKeys("contact/1", "contact/3");
        assertThat(directory.toFile().list()).containsExactly("record-keys.cbk");
    }

    @Test
    void withoutAKeyBackupNothingIsPutBack() {
        assertThat(fixture.engine().restoreKeyBackup(directory)).isZero();
    }

    @Test
    void aDamagedKeyBackupPutsBackNothing() throws Exception {
        fixture.engine().writeKeyBackup(directory);
        Path file = directory.resolve("record-keys.cbk");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        fixture.recordKeys.keys.clear();

        BackupFailure failure = catchThrowableOfType(BackupFailure.class,
                () -> fixture.engine().restoreKeyBackup(directory));

        assertThat(failure.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(fixture.recordKeys.keys).isEmpty();
    }

    @Test
    void aKeyBackupIsNoDataBackupAndTheOtherWayRound() throws Exception {
        fixture.engine().writeKeyBackup(directory);
        Path data = fixture.engine().backup(directory, "manual", List.of(fixture.people), BackupProgress.NONE).file();

        BackupFailure asData = catchThrowableOfType(BackupFailure.class,
                () -> fixture.engine().read(directory.resolve("record-keys.cbk"), BackupProgress.NONE));
        Path elsewhere = Files.createDirectory(directory.resolve("elsewhere"));
        Files.copy(data, elsewhere.resolve("record-keys.cbk"));
        BackupFailure asKeys = catchThrowableOfType(BackupFailure.class,
                () -> fixture.engine().restoreKeyBackup(elsewhere));

        assertThat(asData.reason()).isEqualTo(Reason.NOT_A_BACKUP);
        assertThat(asKeys.reason()).isEqualTo(Reason.NOT_A_BACKUP);
    }
}
