package org.bastion.crm.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bastion.crm.crypto.internal.CryptoFixture.contact;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.IntegrityException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.crypto.FieldCipher;
import org.bastion.crm.api.crypto.KeysLockedException;
import org.bastion.crm.api.crypto.RecordCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;

class FieldCipherServiceTest {

    @TempDir
    Path folder;

    @Test
    void whileLockedEveryMethodThrowsKeysLocked() {
        CryptoFixture fixture = CryptoFixture.manual(folder);
        FieldCipher cipher = fixture.with(fixture.settings(null, true)).start().fieldCipher();

        for (Runnable call : List.<Runnable>of(
                () -> cipher.createRecordKey(contact("a")),
                () -> cipher.recordCipher(contact("a")),
                () -> cipher.recordCiphers("contact", List.of("a")),
                () -> cipher.recordCiphers("contact", List.of()),
                () -> cipher.destroyRecordKey(contact("a")),
                () -> cipher.blindTokens("contact.email", "a"),
                () -> fixture.keyService().keys())) {
            assertThatThrownBy(call::run).isInstanceOf(KeysLockedException.class)
                    .hasMessageStartingWith("The encryption keys are locked: personal data can be neither read nor written");
        }
    }

    @Test
    void aRecordKeyIsCreatedOnceAndReadBack() {
        FieldCipher cipher = CryptoFixture.manual(folder).start().fieldCipher();
        String ciphertext = cipher.createRecordKey(contact("ada")).encrypt("email", "ada@example.com");

        assertThat(cipher.recordCipher(contact("ada")).decrypt("email", ciphertext)).isEqualTo("ada@example.com");
        assertThat(cipher.recordCipher(contact("ada")).record()).isEqualTo(contact("ada"));
        assertThatThrownBy(() -> cipher.createRecordKey(contact("ada"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> cipher.recordCipher(contact("nobody"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void recordKeysAreReadFromTheDatabaseWhenNotCached() {
        CryptoFixture fixture = CryptoFixture.manual(folder).start();
        String ciphertext = fixture.fieldCipher().createRecordKey(contact("ada")).encrypt("email", "ada@example.com");

        fixture.keyring().cache().clear();

        assertThat(fixture.fieldCipher().recordCipher(contact("ada")).decrypt("email", ciphertext)).isEqualTo("ada@example.com");
    }

    @Test
    void destroyingAKeyShredsEveryCopyOfItsCiphertexts() {
        CryptoFixture fixture = CryptoFixture.manual(folder).start();
        RecordCipher held = fixture.fieldCipher().createRecordKey(contact("ada"));
        String ciphertext = held.encrypt("email", "ada@example.com");

        assertThat(fixture.fieldCipher().destroyRecordKey(contact("ada"))).isTrue();

        assertThat(fixture.fieldCipher().destroyRecordKey(contact("ada"))).isFalse();
        assertThatThrownBy(() -> fixture.fieldCipher().recordCipher(contact("ada"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> held.decrypt("email", ciphertext)).isInstanceOf(NotFoundException.class);
        assertThat(TestDatabase.count(fixture.dataSource, "SELECT COUNT(*) FROM crm_record_key")).isZero();
    }

    @Test
    void manyRecordKeysLoadInOneQueryPerFiveHundredMisses() {
        StatementLog log = new StatementLog(TestDatabase.create());
        CryptoFixture fixture = CryptoFixture.manual(folder, log.dataSource()).start();
        Map<String, String> ciphertexts = new LinkedHashMap<>();
        for (int i = 0; i < 1_100; i++) {
            ciphertexts.put("c" + i, fixture.fieldCipher().createRecordKey(contact("c" + i)).encrypt("email", "user" + i));
        }
        fixture.keyring().cache().clear();
        fixture.fieldCipher().recordCipher(contact("c0"));
        List<String> ids = new ArrayList<>(ciphertexts.keySet());
        ids.add("missing");
        log.clear();

        Map<String, RecordCipher> ciphers = fixture.fieldCipher().recordCiphers("contact", ids);

        assertThat(log.containing("IN (")).hasSize(3);
        assertThat(log.containing("crm_record_key")).hasSize(3);
        assertThat(ciphers).hasSize(1_100).doesNotContainKey("missing");
        ciphertexts.forEach((id, ciphertext) ->
                assertThat(ciphers.get(id).decrypt("email", ciphertext)).isEqualTo("user" + id.substring(1)));
        log.clear();
        fixture.fieldCipher().recordCiphers("contact", ids.subList(1_000, 1_100));
        assertThat(log.containing("crm_record_key")).isEmpty();
    }

    @Test
    void anIntegrityFailurePostsAnEventNamingTheRecordAndField() {
        CryptoFixture fixture = CryptoFixture.manual(folder).start();
        String ciphertext = fixture.fieldCipher().createRecordKey(contact("ada")).encrypt("email", "ada@example.com");
        fixture.fieldCipher().createRecordKey(contact("bob"));

        assertThatThrownBy(() -> fixture.fieldCipher().recordCipher(contact("bob")).decrypt("email", ciphertext))
                .isInstanceOf(IntegrityException.class)
                .hasMessage("field email of contact bob failed its integrity check");

        List<Event> events = fixture.eventAdmin.events(FieldCipher.INTEGRITY_FAILURE_TOPIC);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getProperty("kind")).isEqualTo("contact");
        assertThat(events.get(0).getProperty("id")).isEqualTo("bob");
        assertThat(events.get(0).getProperty("field")).isEqualTo("email");
    }

    @Test
    void anAlteredWrappedRecordKeyIsAnIntegrityFailure() {
        CryptoFixture fixture = CryptoFixture.manual(folder).start();
        fixture.fieldCipher().createRecordKey(contact("ada"));
        fixture.keyring().cache().clear();
        TestDatabase.update(fixture.dataSource, "UPDATE crm_record_key SET wrapped = ?", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        assertThatThrownBy(() -> fixture.fieldCipher().recordCipher(contact("ada")))
                .isInstanceOf(IntegrityException.class).hasMessageContaining("(record key)");
        assertThat(fixture.eventAdmin.events(FieldCipher.INTEGRITY_FAILURE_TOPIC)).hasSize(1);
    }

    @Test
    void ciphersKeepWorkingWhenTheirKeysAreEvictedFromASmallCache() {
        CryptoFixture fixture = CryptoFixture.manual(folder);
        fixture.with(new CryptoSettings(fixture.keystore(), null, false, 2, 10)).start();
        List<RecordCipher> ciphers = new ArrayList<>();
        List<String> ciphertexts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            RecordCipher cipher = fixture.fieldCipher().createRecordKey(contact("c" + i));
            ciphers.add(cipher);
            ciphertexts.add(cipher.encrypt("email", "user" + i));
        }

        assertThat(fixture.keyring().cache().size()).isEqualTo(2);
        for (int i = 0; i < 5; i++) {
            assertThat(ciphers.get(i).decrypt("email", ciphertexts.get(i))).isEqualTo("user" + i);
        }
    }

    @Test
    void blindTokensNeedTheKeysAndDifferPerDomain() {
        FieldCipher cipher = CryptoFixture.manual(folder).start().fieldCipher();

        assertThat(cipher.blindTokens("contact.email", "ada@example.com")).hasSize(1)
                .isEqualTo(cipher.blindTokens("contact.email", "ada@example.com"))
                .isNotEqualTo(cipher.blindTokens("contact.phone", "ada@example.com"));
    }
}
