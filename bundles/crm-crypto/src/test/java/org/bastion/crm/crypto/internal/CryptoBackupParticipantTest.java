package org.bastion.crm.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bastion.crm.crypto.internal.CryptoFixture.contact;

import java.nio.file.Path;
import java.util.List;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyStatus;
import org.bastion.crm.crypto.internal.backup.SealedArchiveKey;
import java.util.Set;
import org.bastion.crm.testing.BackupParticipantChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CryptoBackupParticipantTest {

    @TempDir
    Path folder;

    private static BackupParticipant participant(CryptoFixture fixture) {
        return new CryptoBackupParticipant(fixture.manager(), List.of());
    }

    @Test
    void theDataAndSigningKeysAreMergedAndTheRecordKeysAreLeftOut() {
        BackupParticipant participant = participant(CryptoFixture.manual(folder).start());

        assertThat(participant.name()).isEqualTo("crypto");
        assertThat(participant.schemaComponent()).isEqualTo("crypto");
        assertThat(participant.tables()).containsExactly("crm_data_key", "crm_signing_key");
        assertThat(participant.mergedTables()).containsExactlyInAnyOrder("crm_data_key", "crm_signing_key");
        assertThat(participant.tables()).doesNotContain("crm_record_key", "crm_key_rotation");
    }

    @Test
    void afterARestoreTheKeyringUsesTheDataKeysTheDatabaseHoldsNow() {
        CryptoFixture restored = CryptoFixture.manual(folder).start();
        CryptoFixture other = restored.restart().start();
        other.keyService().rotate(KeyPurpose.BACKUP);
        BackupKeysService keys = new BackupKeysService(restored.manager());
        assertThat(SealedArchiveKey.parse(keys.newArchiveKey().sealed()).backupVersion()).isEqualTo(1);

        participant(restored).afterRestore();

        assertThat(SealedArchiveKey.parse(keys.newArchiveKey().sealed()).backupVersion()).isEqualTo(2);
        assertThat(restored.manager().status().usable()).isTrue();
    }

    @Test
    void afterARestoreNoCachedRecordKeyOutlivesItsRow() {
        CryptoFixture fixture = CryptoFixture.manual(folder).start();
        fixture.fieldCipher().createRecordKey(contact("ada")).encrypt("email", "ada@example.com");
        TestDatabase.update(fixture.dataSource, "DELETE FROM crm_record_key WHERE record_id = 'ada'");
        assertThat(fixture.fieldCipher().recordCipher(contact("ada"))).isNotNull();

        participant(fixture).afterRestore();

        assertThatThrownBy(() -> fixture.fieldCipher().recordCipher(contact("ada"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRestoredDataKeyThatDoesNotUnwrapLocksTheKeysWithTheReason() {
        CryptoFixture fixture = CryptoFixture.manual(folder).start();
        TestDatabase.update(fixture.dataSource, "INSERT INTO crm_data_key (purpose, version, master_version, wrapped,"
                + " state, created_at) VALUES ('FIELD', 9, 1, 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',"
                + " 'RETIRED', CURRENT_TIMESTAMP)");

        participant(fixture).afterRestore();

        assertThat(fixture.manager().status().state()).isEqualTo(KeyStatus.State.LOCKED);
        assertThat(fixture.manager().status().detail()).startsWith("the data keys restored from a backup cannot be loaded");
    }

    @Test
    void everyTableOfTheMigrationsIsBackedUpOrKnowinglyLeftOut() throws Exception {
        org.h2.jdbcx.JdbcDataSource empty = new org.h2.jdbcx.JdbcDataSource();
        empty.setURL("jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        BackupParticipant participant = new CryptoBackupParticipant(null,
                BackupParticipantChecks.scripts(CryptoSchema.SCRIPT_FOLDER));

        assertThat(BackupParticipantChecks.problems(empty, participant, Set.of("crm_record_key", "crm_key_rotation")))
                .isEmpty();
    }
}
