package org.bastion.crm.audit.internal.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.audit.AuditTarget;
import org.bastion.crm.api.crypto.RecordCipher;
import org.bastion.crm.api.crypto.RecordRef;
import org.bastion.crm.audit.internal.query.AuditTables;
import org.bastion.crm.testing.FakeFieldCipher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FieldHistoryTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final RecordRef CONTACT = new RecordRef("contact", "c-1");
    private static final AuditTarget TARGET = new AuditTarget("contact", "c-1");

    private final AuditTables tables = new AuditTables();
    private final FakeFieldCipher cipher = new FakeFieldCipher();
    private final FieldHistory history = new FieldHistory(tables.reader(), cipher);

    @BeforeEach
    void seed() {
        RecordCipher key = cipher.createRecordKey(CONTACT);
        String oldNotes = key.encrypt(AuditCipherFields.of("notes"), "met at the fair");
        String newNotes = key.encrypt(AuditCipherFields.of("notes"), "prefers e-mail");
        tables.chained(T0, "alice", "contact.updated", "contact", "c-1", "success",
                "[{\"field\":\"company\",\"new\":\"k-2\",\"old\":\"k-1\",\"protection\":\"plain\"},"
                        + "{\"field\":\"notes\",\"old\":\"" + oldNotes + "\",\"new\":\"" + newNotes
                        + "\",\"protection\":\"encrypted\",\"record\":\"contact/c-1\"}]");
        tables.chained(T0.plusSeconds(1), "alice", "contact.read", "contact", "c-1", "success", "[]");
        tables.chained(T0.plusSeconds(2), "alice", "contact.updated", "contact", "c-other", "success",
                "[{\"field\":\"name\",\"old\":\"x\",\"new\":\"y\"}]");
    }

    private List<HistoryChange> changes(boolean mayReadPersonal) {
        List<HistoryEntryBody> entries = history.history(TARGET, mayReadPersonal, PageRequest.first()).items();
        assertThat(entries).extracting(HistoryEntryBody::sequence).containsExactly(1L);
        return entries.get(0).changes();
    }

    @Test
    void decryptsPersonalValuesForCallersWhoMayReadThem() {
        assertThat(changes(true)).containsExactly(new HistoryChange("company", "k-1", "k-2", HistoryChange.PLAIN),
                new HistoryChange("notes", "met at the fair", "prefers e-mail", HistoryChange.DECRYPTED));
    }

    @Test
    void redactsPersonalValuesForOthers() {
        assertThat(changes(false)).containsExactly(new HistoryChange("company", "k-1", "k-2", HistoryChange.PLAIN),
                new HistoryChange("notes", null, null, HistoryChange.REDACTED));
    }

    @Test
    void showsPersonalValuesAsErasedOnceTheRecordKeyIsDestroyed() {
        cipher.destroyRecordKey(CONTACT);

        assertThat(changes(true)).contains(new HistoryChange("notes", null, null, HistoryChange.ERASED));
    }

    @Test
    void aWithheldChangeSaysSo() {
        tables.chained(T0.plusSeconds(3), "alice", "contact.updated", "contact", "c-1", "success",
                "[{\"field\":\"birthday\",\"protection\":\"withheld\",\"record\":\"contact/c-1\"}]");

        List<HistoryEntryBody> entries = history.history(TARGET, true, PageRequest.first()).items();

        assertThat(entries.get(0).changes()).containsExactly(
                new HistoryChange("birthday", null, null, HistoryChange.WITHHELD));
    }

    @Test
    void aCiphertextOfAnotherFieldIsUnreadableNotAnError() {
        String moved = cipher.recordCipher(CONTACT).encrypt("notes", "a value of the contact's own row");
        tables.chained(T0.plusSeconds(3), "mallory", "contact.updated", "contact", "c-1", "success",
                "[{\"field\":\"notes\",\"old\":null,\"new\":\"" + moved + "\",\"protection\":\"encrypted\",\"record\":\"contact/c-1\"}]");

        List<HistoryEntryBody> entries = history.history(TARGET, true, PageRequest.first()).items();

        assertThat(entries.get(0).changes()).containsExactly(
                new HistoryChange("notes", null, null, HistoryChange.UNREADABLE));
    }
}
