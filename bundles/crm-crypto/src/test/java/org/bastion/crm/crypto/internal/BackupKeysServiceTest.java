package org.bastion.crm.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.bastion.crm.api.crypto.BackupKeys;
import org.bastion.crm.api.crypto.BackupKeys.ArchiveKey;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeysLockedException;
import org.bastion.crm.crypto.internal.backup.SealedArchiveKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupKeysServiceTest {

    @TempDir
    Path folder;

    @TempDir
    Path elsewhere;

    private static BackupKeys backupKeys(CryptoFixture fixture) {
        return new BackupKeysService(fixture.manager());
    }

    @Test
    void aNewArchiveKeyIsAFreshAes256KeySealedUnderTheActiveBackupKey() {
        BackupKeys keys = backupKeys(CryptoFixture.manual(folder).start());

        ArchiveKey first = keys.newArchiveKey();
        ArchiveKey second = keys.newArchiveKey();

        assertThat(first.key().getAlgorithm()).isEqualTo("AES");
        assertThat(first.key().getEncoded()).hasSize(32);
        assertThat(first.key().getEncoded()).isNotEqualTo(second.key().getEncoded());
        SealedArchiveKey sealed = SealedArchiveKey.parse(first.sealed());
        assertThat(sealed.backupVersion()).isEqualTo(1);
        assertThat(sealed.masterVersion()).isEqualTo(1);
        assertThat(keys.openArchiveKey(first.sealed()).getEncoded()).isEqualTo(first.key().getEncoded());
    }

    @Test
    void aSealedKeyOpensWithTheSameKeystoreOverAnEmptyDatabase() throws IOException {
        ArchiveKey archive = backupKeys(CryptoFixture.manual(folder).start()).newArchiveKey();

        Path copy = copyKeystore(folder, elsewhere);
        CryptoFixture newMachine = CryptoFixture.manual(copy, TestDatabase.create()).start();

        assertThat(TestDatabase.count(newMachine.dataSource, "SELECT COUNT(*) FROM crm_record_key")).isZero();
        assertThat(backupKeys(newMachine).openArchiveKey(archive.sealed()).getEncoded())
                .isEqualTo(archive.key().getEncoded());
    }

    @Test
    void aForeignKeystoreIsRefusedWithAClearMessage() {
        ArchiveKey archive = backupKeys(CryptoFixture.manual(folder).start()).newArchiveKey();
        BackupKeys foreign = backupKeys(CryptoFixture.manual(elsewhere).start());

        assertThatThrownBy(() -> foreign.openArchiveKey(archive.sealed()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the backup key was sealed under another master keystore: master key version 1 of this"
                        + " keystore does not open backup key version 1");
    }

    @Test
    void aKeystoreSavedBeforeAMasterRotationIsToldWhichVersionItLacks() throws IOException {
        CryptoFixture fixture = CryptoFixture.manual(folder).start();
        Path saved = copyKeystore(folder, elsewhere);
        fixture.keyService().rotate(KeyPurpose.MASTER);
        ArchiveKey archive = backupKeys(fixture).newArchiveKey();

        BackupKeys old = backupKeys(CryptoFixture.manual(saved, TestDatabase.create()).start());

        assertThat(SealedArchiveKey.parse(archive.sealed()).masterVersion()).isEqualTo(2);
        assertThatThrownBy(() -> old.openArchiveKey(archive.sealed()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("master key version 2 (master-v2), which this keystore lacks");
    }

    @Test
    void anArchiveSealedBeforeABackupKeyRotationStillOpens() {
        CryptoFixture fixture = CryptoFixture.manual(folder).start();
        BackupKeys keys = backupKeys(fixture);
        ArchiveKey before = keys.newArchiveKey();

        fixture.keyService().rotate(KeyPurpose.BACKUP);
        ArchiveKey after = keys.newArchiveKey();

        assertThat(SealedArchiveKey.parse(after.sealed()).backupVersion()).isEqualTo(2);
        assertThat(keys.openArchiveKey(before.sealed()).getEncoded()).isEqualTo(before.key().getEncoded());
    }

    @Test
    void malformedOrAlteredSealedFormsAreRefusedWithoutKeyMaterialInTheMessage() {
        BackupKeys keys = backupKeys(CryptoFixture.manual(folder).start());
        byte[] sealed = keys.newArchiveKey().sealed();
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;

        assertThatThrownBy(() -> keys.openArchiveKey(altered)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the sealed backup key was altered: backup key version 1 does not open the archive key");
        assertThatThrownBy(() -> keys.openArchiveKey(Arrays.copyOf(sealed, sealed.length - 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the sealed backup key is truncated");
        assertThatThrownBy(() -> keys.openArchiveKey("not a key".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wrong magic");
        assertThatThrownBy(() -> keys.openArchiveKey(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the sealed backup key is missing");
    }

    @Test
    void whileLockedBothCallsThrowKeysLocked() {
        CryptoFixture fixture = CryptoFixture.manual(folder);
        BackupKeys keys = backupKeys(fixture.with(fixture.settings(null, true)).start());

        assertThatThrownBy(keys::newArchiveKey).isInstanceOf(KeysLockedException.class);
        assertThatThrownBy(() -> keys.openArchiveKey(new byte[10])).isInstanceOf(KeysLockedException.class);
    }

    private static Path copyKeystore(Path from, Path to) throws IOException {
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }
}
