package org.bastion.crm.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bastion.crm.crypto.internal.CryptoFixture.contact;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.bastion.crm.api.crypto.RecordKeyBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordKeyBackupServiceTest {

    @TempDir
    Path folder;

    @Test
    void anExportHoldsEveryKeyAsStoredAndNoPlaintextKey() throws IOException {
        CryptoFixture fixture = CryptoFixture.manual(folder).start();
        fixture.fieldCipher().createRecordKey(contact("ada"));
        fixture.fieldCipher().createRecordKey(contact("bob"));
        RecordKeyBackup backup = new RecordKeyBackupService(fixture.transactions);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = backup.export(out);

        assertThat(written).isEqualTo(2).isEqualTo(backup.count());
        String stored = TestDatabase.dump(fixture.dataSource, "crm_record_key");
        String wrappedOfAda = stored.lines().filter(line -> line.contains("|ada|")).findFirst().orElseThrow()
                .split("\\|")[3];
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).contains(wrappedOfAda);
    }

    @Test
    void restoreMissingPutsBackDestroyedKeysAndKeepsPresentOnes() throws IOException {
        CryptoFixture fixture = CryptoFixture.manual(folder).start();
        String ciphertext = fixture.fieldCipher().createRecordKey(contact("ada")).encrypt("email", "ada@example.com");
        fixture.fieldCipher().createRecordKey(contact("bob"));
        RecordKeyBackup backup = new RecordKeyBackupService(fixture.transactions);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        backup.export(out);
        String bobBefore = TestDatabase.dump(fixture.dataSource, "crm_record_key").lines()
                .filter(line -> line.contains("|bob|")).findFirst().orElseThrow();

        fixture.fieldCipher().destroyRecordKey(contact("ada"));
        long inserted = backup.restoreMissing(new ByteArrayInputStream(out.toByteArray()));

        assertThat(inserted).isEqualTo(1);
        assertThat(backup.count()).isEqualTo(2);
        assertThat(fixture.fieldCipher().recordCipher(contact("ada")).decrypt("email", ciphertext))
                .isEqualTo("ada@example.com");
        assertThat(TestDatabase.dump(fixture.dataSource, "crm_record_key")).contains(bobBefore);
        assertThat(backup.restoreMissing(new ByteArrayInputStream(out.toByteArray()))).isZero();
    }

    @Test
    void aTruncatedOrForeignStreamIsRefusedAndChangesNothing() throws IOException {
        CryptoFixture fixture = CryptoFixture.manual(folder).start();
        fixture.fieldCipher().createRecordKey(contact("ada"));
        fixture.fieldCipher().createRecordKey(contact("bob"));
        RecordKeyBackup backup = new RecordKeyBackupService(fixture.transactions);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        backup.export(out);
        fixture.fieldCipher().destroyRecordKey(contact("ada"));
        fixture.fieldCipher().destroyRecordKey(contact("bob"));
        byte[] whole = out.toByteArray();

        assertThatThrownBy(() -> backup.restoreMissing(new ByteArrayInputStream(Arrays.copyOf(whole, whole.length - 3))))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated after 2 keys");
        assertThatThrownBy(() -> backup.restoreMissing(new ByteArrayInputStream("hello".getBytes())))
                .isInstanceOf(IOException.class).hasMessage("not an export of the record keys");
        assertThat(backup.count()).isZero();
    }

    @Test
    void anEmptyExportRestoresNothing() throws IOException {
        CryptoFixture fixture = CryptoFixture.manual(folder).start();
        RecordKeyBackup backup = new RecordKeyBackupService(fixture.transactions);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(backup.export(out)).isZero();
        assertThat(backup.restoreMissing(new ByteArrayInputStream(out.toByteArray()))).isZero();
    }

    @Test
    void destroyingAKeyPostsTheKeysDestroyedTopicOnlyWhenAKeyWasDestroyed() {
        CryptoFixture fixture = CryptoFixture.manual(folder).start();
        fixture.fieldCipher().createRecordKey(contact("ada"));

        fixture.fieldCipher().destroyRecordKey(contact("nobody"));
        assertThat(fixture.eventAdmin.events(RecordKeyBackup.KEYS_DESTROYED_TOPIC)).isEmpty();

        fixture.fieldCipher().destroyRecordKey(contact("ada"));
        assertThat(fixture.eventAdmin.events(RecordKeyBackup.KEYS_DESTROYED_TOPIC)).singleElement()
                .extracting(event -> event.getProperty("count")).isEqualTo(1L);
    }
}
