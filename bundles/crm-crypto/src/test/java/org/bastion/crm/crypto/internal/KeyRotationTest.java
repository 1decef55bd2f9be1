package org.bastion.crm.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bastion.crm.crypto.internal.CryptoFixture.contact;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.crypto.DataKeyInfo;
import org.bastion.crm.api.crypto.DataKeyInfo.KeyState;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.crypto.internal.master.MasterKeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;

class KeyRotationTest {

    private static final String ROTATION_STARTED = CryptoEvents.TOPIC_PREFIX + "ROTATION_STARTED";
    private static final String ROTATION_COMPLETED = CryptoEvents.TOPIC_PREFIX + "ROTATION_COMPLETED";
    private static final String ROTATION_FAILED = CryptoEvents.TOPIC_PREFIX + "ROTATION_FAILED";

    @TempDir
    Path folder;

    private CryptoFixture unlocked(CryptoFixture fixture) {
        fixture.environment.put("CRM_MASTER_PASSPHRASE", "rotation test");
        return fixture.start();
    }

    private static Map<String, String> createRecords(CryptoFixture fixture, int count) {
        Map<String, String> ciphertexts = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String id = "c" + i;
            ciphertexts.put(id, fixture.fieldCipher().createRecordKey(contact(id)).encrypt("email", id + "@example.com"));
        }
        return ciphertexts;
    }

    private static void assertReadable(CryptoFixture fixture, Map<String, String> ciphertexts) {
        ciphertexts.forEach((id, ciphertext) -> assertThat(fixture.fieldCipher().recordCipher(contact(id))
                .decrypt("email", ciphertext)).as(id).isEqualTo(id + "@example.com"));
    }

    private static DataKeyInfo key(CryptoFixture fixture, String id) {
        return fixture.keyService().keys().stream().filter(key -> key.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aFieldRotationMovesEveryRecordKeyInBatchesWhileReadsAndWritesGoOn() {
        CryptoFixture fixture = CryptoFixture.manual(folder);
        unlocked(fixture.with(new CryptoSettings(fixture.keystore(), null, false, 50, 100)));
        Map<String, String> ciphertexts = createRecords(fixture, 1_234);
        String oldRow = TestDatabase.dump(fixture.dataSource, "crm_record_key").lines().findFirst().orElseThrow();

        KeyRotation rotation = fixture.keyService().rotate(KeyPurpose.FIELD);

        assertThat(rotation.state()).isEqualTo(KeyRotation.State.RUNNING);
        assertThat(List.of(rotation.fromVersion(), rotation.toVersion())).containsExactly(1, 2);
        assertThat(rotation.total()).isEqualTo(1_234);
        assertThat(key(fixture, "field-v1").state()).isEqualTo(KeyState.RETIRING);
        assertThat(key(fixture, "field-v2").state()).isEqualTo(KeyState.ACTIVE);
        Event started = fixture.eventAdmin.events(ROTATION_STARTED).get(0);
        assertThat(started.getProperty("purpose")).isEqualTo("field");
        assertThat(started.getProperty("fromVersion")).isEqualTo(1);
        assertThat(started.getProperty("toVersion")).isEqualTo(2);

        Random random = new Random(42);
        int steps = 0;
        int destroyed = 0;
        while (fixture.executor.runNext()) {
            steps++;
            for (int read = 0; read < 20; read++) {
                String id = "c" + random.nextInt(1_234);
                if (ciphertexts.containsKey(id)) {
                    assertReadable(fixture, Map.of(id, ciphertexts.get(id)));
                }
            }
            String created = "new" + steps;
            ciphertexts.put(created, fixture.fieldCipher().createRecordKey(contact(created)).encrypt("email", created + "@example.com"));
            if (ciphertexts.remove("c" + steps * 50) != null) {
                fixture.fieldCipher().destroyRecordKey(contact("c" + steps * 50));
                destroyed++;
            }
            assertThat(steps).isLessThan(100);
        }

        KeyRotation completed = fixture.keyService().rotation(rotation.id()).orElseThrow();
        assertThat(steps).isGreaterThanOrEqualTo(13);
        assertThat(destroyed).isPositive();
        assertThat(completed.state()).isEqualTo(KeyRotation.State.COMPLETED);
        assertThat(completed.done()).isBetween(1_234L - destroyed, 1_234L);
        assertThat(completed.finishedAt()).isNotNull();
        assertThat(TestDatabase.count(fixture.dataSource, "SELECT COUNT(*) FROM crm_record_key WHERE key_version = 1")).isZero();
        DataKeyInfo retired = key(fixture, "field-v1");
        assertThat(retired.state()).isEqualTo(KeyState.RETIRED);
        assertThat(retired.retiredAt()).isNotNull();
        assertThat(retired.recordsUsing()).isZero();
        assertThat(key(fixture, "field-v2").recordsUsing()).isEqualTo(ciphertexts.size());
        assertThat(fixture.eventAdmin.events(ROTATION_COMPLETED)).hasSize(1);
        fixture.keyring().cache().clear();
        assertReadable(fixture, ciphertexts);

        // a record key restored from a backup made before the rotation is still wrapped by the retired version
        String[] columns = oldRow.split("\\|");
        fixture.fieldCipher().destroyRecordKey(contact(columns[1]));
        TestDatabase.update(fixture.dataSource, "INSERT INTO crm_record_key VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)",
                columns[0], columns[1], Integer.parseInt(columns[2]), columns[3]);
        assertThat(columns[2]).isEqualTo("1");
        assertThat(fixture.fieldCipher().recordCipher(contact(columns[1])).encrypt("email", "x")).isNotNull();
    }

    @Test
    void aFieldRotationCompletesOnTheBackgroundThread() throws Exception {
        CryptoFixture fixture = unlocked(CryptoFixture.background(folder));
        Map<String, String> ciphertexts = createRecords(fixture, 300);

        KeyRotation rotation = fixture.keyService().rotate(KeyPurpose.FIELD);
        fixture.eventAdmin.await(ROTATION_COMPLETED);

        assertThat(fixture.keyService().rotation(rotation.id()).orElseThrow().done()).isEqualTo(300);
        assertReadable(fixture, ciphertexts);
        fixture.stop();
    }

    @Test
    void aRotationRunningAtStopResumesAtTheNextStart() {
        CryptoFixture fixture = unlocked(CryptoFixture.manual(folder));
        Map<String, String> ciphertexts = createRecords(fixture, 250);
        KeyRotation rotation = fixture.keyService().rotate(KeyPurpose.FIELD);
        fixture.executor.runNext();
        fixture.stop();
        assertThat(fixture.keyService().rotations().get(0).state()).isEqualTo(KeyRotation.State.RUNNING);
        assertThat(fixture.keyService().rotations().get(0).done()).isEqualTo(100);

        CryptoFixture restarted = unlocked(fixture.restart());
        assertThat(restarted.executor.pending()).isEqualTo(1);
        restarted.executor.runAll();

        KeyRotation resumed = restarted.keyService().rotation(rotation.id()).orElseThrow();
        assertThat(resumed.state()).isEqualTo(KeyRotation.State.COMPLETED);
        assertThat(resumed.done()).isEqualTo(250);
        assertReadable(restarted, ciphertexts);
    }

    @Test
    void onlyOneRotationOfAPurposeRunsAtATime() {
        CryptoFixture fixture = unlocked(CryptoFixture.manual(folder));
        createRecords(fixture, 3);
        fixture.keyService().rotate(KeyPurpose.FIELD);

        assertThatThrownBy(() -> fixture.keyService().rotate(KeyPurpose.FIELD)).isInstanceOf(ConflictException.class);
        assertThat(fixture.keyService().rotate(KeyPurpose.BACKUP).state()).isEqualTo(KeyRotation.State.COMPLETED);
    }

    @Test
    void aRotationRunningOnAnotherNodeIsAConflictAndRotatesNothing() {
        CryptoFixture fixture = unlocked(CryptoFixture.manual(folder));
        createRecords(fixture, 3);
        fixture.keyService().rotate(KeyPurpose.FIELD);
        fixture.executor.runAll();
        // another node's rotation, older than this node's newest one: only the database's claim can tell
        TestDatabase.update(fixture.dataSource, "INSERT INTO crm_key_rotation (id, purpose, from_version, to_version,"
                + " state, total, done, started_at, running_purpose) VALUES ('00000000-0000-4000-8000-000000000001', 'FIELD', 2, 3, 'RUNNING', 0,"
                + " 0, TIMESTAMP '2001-01-01 00:00:00', 'FIELD')");
        int keysBefore = fixture.keyService().keys().size();

        assertThatThrownBy(() -> fixture.keyService().rotate(KeyPurpose.FIELD))
                .isInstanceOf(ConflictException.class).hasMessageContaining("another node");

        assertThat(fixture.keyService().keys()).as("no key version was added").hasSize(keysBefore);
        TestDatabase.update(fixture.dataSource, "DELETE FROM crm_key_rotation WHERE id = '00000000-0000-4000-8000-000000000001'");
        assertThat(fixture.keyService().rotate(KeyPurpose.FIELD).state()).isEqualTo(KeyRotation.State.RUNNING);
    }

    @Test
    void aFailedRotationIsRecordedAndRotatingAgainResumesIt() {
        CryptoFixture fixture = unlocked(CryptoFixture.manual(folder));
        Map<String, String> ciphertexts = createRecords(fixture, 10);
        TestDatabase.update(fixture.dataSource, "UPDATE crm_record_key SET wrapped = ? WHERE record_id = 'c3'",
                "A".repeat(54));
        ciphertexts.remove("c3");
        KeyRotation rotation = fixture.keyService().rotate(KeyPurpose.FIELD);

        fixture.executor.runAll();

        KeyRotation failed = fixture.keyService().rotation(rotation.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(KeyRotation.State.FAILED);
        assertThat(failed.error()).contains("contact/c3");
        assertThat(fixture.eventAdmin.events(ROTATION_FAILED)).hasSize(1);
        assertThat(key(fixture, "field-v1").state()).isEqualTo(KeyState.RETIRING);
        assertReadable(fixture, ciphertexts);

        fixture.fieldCipher().destroyRecordKey(contact("c3"));
        KeyRotation resumed = fixture.keyService().rotate(KeyPurpose.FIELD);
        fixture.executor.runAll();

        assertThat(resumed.id()).isEqualTo(rotation.id());
        assertThat(fixture.keyService().rotation(rotation.id()).orElseThrow().state()).isEqualTo(KeyRotation.State.COMPLETED);
        assertThat(key(fixture, "field-v1").state()).isEqualTo(KeyState.RETIRED);
        assertThat(fixture.keyService().keys().stream().filter(k -> k.purpose() == KeyPurpose.FIELD)).hasSize(2);
    }

    @Test
    void aBlindIndexRotationDrivesEveryParticipantThenRetiresTheOldVersion() {
        CryptoFixture fixture = CryptoFixture.manual(folder);
        unlocked(fixture.with(new CryptoSettings(fixture.keystore(), null, false, 100, 10)));
        FakeBlindIndex contacts = new FakeBlindIndex("contacts", fixture.fieldCipher());
        FakeBlindIndex companies = new FakeBlindIndex("companies", fixture.fieldCipher());
        fixture.participants.add(contacts);
        fixture.participants.add(companies);
        for (int i = 0; i < 25; i++) {
            contacts.index("person" + i);
        }
        for (int i = 0; i < 7; i++) {
            companies.index("firm" + i);
        }

        KeyRotation rotation = fixture.keyService().rotate(KeyPurpose.BLIND_INDEX);

        assertThat(rotation.total()).isEqualTo(32);
        assertThat(fixture.fieldCipher().blindTokens("test.contacts", "person1")).hasSize(2);
        int steps = 0;
        while (fixture.executor.runNext()) {
            steps++;
            assertThat(contacts.finds("person3", "person3")).isTrue();
            assertThat(contacts.finds("person3", "person4")).isFalse();
            assertThat(steps).isLessThan(50);
        }

        assertThat(fixture.keyService().rotation(rotation.id()).orElseThrow().state()).isEqualTo(KeyRotation.State.COMPLETED);
        assertThat(fixture.keyService().rotation(rotation.id()).orElseThrow().done()).isEqualTo(32);
        assertThat(steps).isGreaterThanOrEqualTo(3);
        assertThat(contacts.retired).containsOnly(1); // swept twice: retire() is idempotent
        assertThat(companies.retired).containsOnly(1);
        assertThat(contacts.countUsing(1) + companies.countUsing(1)).isZero();
        assertThat(fixture.fieldCipher().blindTokens("test.contacts", "person1")).singleElement()
                .satisfies(token -> assertThat(token.keyVersion()).isEqualTo(2));
        assertThat(contacts.finds("person3", "person3")).isTrue();
        assertThat(companies.finds("firm6", "firm6")).isTrue();
        assertThat(key(fixture, "blind-index-v1").state()).isEqualTo(KeyState.RETIRED);
        assertThat(key(fixture, "blind-index-v1").recordsUsing()).isZero();
        assertThat(key(fixture, "blind-index-v2").recordsUsing()).isEqualTo(32);
    }

    @Test
    void aBlindIndexParticipantThatMovesNothingFailsTheRotation() {
        CryptoFixture fixture = unlocked(CryptoFixture.manual(folder));
        FakeBlindIndex stuck = new FakeBlindIndex("stuck", fixture.fieldCipher()) {
            @Override
            public int migrateBatch(int version, int batchSize) {
                return 0;
            }
        };
        stuck.index("someone");
        fixture.participants.add(stuck);

        KeyRotation rotation = fixture.keyService().rotate(KeyPurpose.BLIND_INDEX);
        fixture.executor.runAll();

        KeyRotation failed = fixture.keyService().rotation(rotation.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(KeyRotation.State.FAILED);
        assertThat(failed.error()).contains("stuck (1)");
        assertThat(stuck.retired).isEmpty();
        assertThat(fixture.fieldCipher().blindTokens("test.stuck", "someone")).hasSize(2);
    }

    @Test
    void aBackupRotationCompletesAtOnceAndKeepsTheOldVersionRetired() {
        CryptoFixture fixture = unlocked(CryptoFixture.manual(folder));

        KeyRotation rotation = fixture.keyService().rotate(KeyPurpose.BACKUP);

        assertThat(rotation.state()).isEqualTo(KeyRotation.State.COMPLETED);
        assertThat(fixture.executor.pending()).isZero();
        assertThat(key(fixture, "backup-v1").state()).isEqualTo(KeyState.RETIRED);
        assertThat(key(fixture, "backup-v2").state()).isEqualTo(KeyState.ACTIVE);
        assertThat(key(fixture, "backup-v2").recordsUsing()).isEqualTo(-1);
        assertThat(fixture.eventAdmin.events(ROTATION_STARTED)).hasSize(1);
        assertThat(fixture.eventAdmin.events(ROTATION_COMPLETED)).hasSize(1);
    }

    @Test
    void aMasterRotationRewrapsTheDataKeysOnlyAndSurvivesAReopenOfTheKeystore() throws Exception {
        CryptoFixture fixture = unlocked(CryptoFixture.manual(folder));
        Map<String, String> ciphertexts = createRecords(fixture, 5);
        String recordKeys = TestDatabase.dump(fixture.dataSource, "crm_record_key");
        String dataKeys = TestDatabase.dump(fixture.dataSource, "crm_data_key");

        KeyRotation rotation = fixture.keyService().rotate(KeyPurpose.MASTER);

        assertThat(rotation.state()).isEqualTo(KeyRotation.State.COMPLETED);
        assertThat(List.of(rotation.fromVersion(), rotation.toVersion(), (int) rotation.done())).containsExactly(1, 2, 3);
        assertThat(fixture.keyService().status().masterVersion()).isEqualTo(2);
        assertThat(TestDatabase.dump(fixture.dataSource, "crm_record_key")).isEqualTo(recordKeys);
        assertThat(TestDatabase.dump(fixture.dataSource, "crm_data_key")).isNotEqualTo(dataKeys);
        assertThat(TestDatabase.count(fixture.dataSource, "SELECT COUNT(*) FROM crm_data_key WHERE master_version = 2")).isEqualTo(3);
        assertThat(key(fixture, "master-v1").state()).isEqualTo(KeyState.RETIRED);
        assertThat(key(fixture, "master-v1").recordsUsing()).isZero();
        assertThat(key(fixture, "master-v2").recordsUsing()).isEqualTo(3);
        assertThat(new MasterKeyStore(fixture.keystore()).load("rotation test".toCharArray()).keys()).containsOnlyKeys(1, 2);
        fixture.stop();

        CryptoFixture reopened = unlocked(fixture.restart());

        assertThat(reopened.keyService().status().masterVersion()).isEqualTo(2);
        assertReadable(reopened, ciphertexts);
    }

    @Test
    void theKeyListShowsTheMasterKeyFirstThenEachPurpose() {
        CryptoFixture fixture = unlocked(CryptoFixture.manual(folder));
        createRecords(fixture, 4);

        List<DataKeyInfo> keys = fixture.keyService().keys();

        assertThat(keys).extracting(DataKeyInfo::id).containsExactly("master-v1", "field-v1", "blind-index-v1", "backup-v1");
        assertThat(keys).extracting(DataKeyInfo::recordsUsing).containsExactly(3L, 4L, 0L, -1L);
        assertThat(keys).extracting(DataKeyInfo::masterVersion).containsExactly(0, 1, 1, 1);
        assertThat(keys).allSatisfy(key -> assertThat(key.createdAt()).isNotNull());
    }

    @Test
    void theRotationHistoryIsReadableWhileLocked() {
        CryptoFixture fixture = unlocked(CryptoFixture.manual(folder));
        KeyRotation backup = fixture.keyService().rotate(KeyPurpose.BACKUP);
        KeyRotation master = fixture.keyService().rotate(KeyPurpose.MASTER);
        fixture.stop();

        CryptoFixture locked = fixture.restart().start();

        assertThat(locked.keyService().status().usable()).isFalse();
        assertThat(locked.keyService().rotations()).extracting(KeyRotation::id).containsExactly(master.id(), backup.id());
        assertThat(locked.keyService().rotation(backup.id())).contains(backup);
    }
}
