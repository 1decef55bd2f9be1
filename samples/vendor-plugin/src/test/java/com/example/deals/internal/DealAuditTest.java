package com.example.deals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditTarget;
import org.bastion.crm.api.audit.FieldChange;
import org.bastion.crm.api.crypto.RecordRef;
import org.bastion.crm.api.permissions.RecordScope;
import org.bastion.crm.testing.FakeFieldCipher;
import org.bastion.crm.testing.MutableClock;
import org.junit.jupiter.api.Test;

import com.example.deals.Deal;
import com.example.deals.DealDraft;
import com.example.deals.DealStage;

class DealAuditTest {

    private static final String SELLER = "seller";
    private static final String WRITER = "writer";

    private final InMemoryDealStore store = new InMemoryDealStore();
    private final FakeAuditLog log = new FakeAuditLog();
    private final DealServiceImpl service = new DealServiceImpl(store, new FakeFieldCipher(), new DirectTransactions(),
            new MutableClock(Instant.parse("2026-12-07T10:00:00Z")));
    private String caller = SELLER;

    DealAuditTest() {
        service.permissions = new ScopedPermissions()
                .grant(SELLER, RecordScope.ALL, "read", "write", "delete", "read-sensitive", "write-sensitive")
                .grant(WRITER, RecordScope.ALL, "read", "write");
        service.callerContext = () -> new Caller(caller, caller, Set.of(), true);
        service.auditLog = log;
    }

    @Test
    void aCreationRecordsEveryFieldWithNotesAsPersonalUnderTheDealsKey() {
        UUID contact = UUID.randomUUID();
        Deal deal = service.create(new DealDraft("Licences", new BigDecimal("1200.5"), "eur", null, null, contact, null,
                "call back in May"));

        AuditEntry entry = only();
        assertThat(entry.action()).isEqualTo("deal.created");
        assertThat(entry.target()).isEqualTo(new AuditTarget("deal", deal.id().toString()));
        Map<String, FieldChange> changes = byField(entry);
        assertThat(changes.keySet()).containsExactly("title", "amount", "currency", "stage", "contactId", "owner",
                "notes");
        assertThat(changes.get("amount")).isEqualTo(FieldChange.plain("amount", null, "1200.50"));
        assertThat(changes.get("contactId")).isEqualTo(FieldChange.plain("contactId", null, contact.toString()));
        assertThat(changes.get("notes")).isEqualTo(FieldChange.personal("notes", null, "call back in May",
                new RecordRef("deal", deal.id().toString())));
    }

    @Test
    void anUpdateRecordsTheChangedFieldsWithPlaintextOldAndNewNotes() {
        Deal deal = service.create(new DealDraft("Licences", new BigDecimal("100"), "EUR", null, null, null, null,
                "old notes"));
        log.changes.clear();

        service.update(deal.id(), deal.version(), new DealDraft("Licences", new BigDecimal("150"), "EUR",
                DealStage.WON, null, null, null, "new notes"));

        Map<String, FieldChange> changes = byField(only());
        assertThat(only().action()).isEqualTo("deal.updated");
        assertThat(changes.keySet()).containsExactly("amount", "stage", "notes");
        assertThat(changes.get("stage")).isEqualTo(FieldChange.plain("stage", "LEAD", "WON"));
        assertThat(changes.get("notes")).isEqualTo(FieldChange.personal("notes", "old notes", "new notes",
                new RecordRef("deal", deal.id().toString())));
    }

    @Test
    void notesKeptByACallerWithoutWriteSensitiveAreNoChange() {
        Deal deal = service.create(new DealDraft("Licences", new BigDecimal("100"), "EUR", null, null, null, null,
                "old notes"));
        log.changes.clear();
        caller = WRITER;

        service.update(deal.id(), deal.version(), new DealDraft("Licences v2", new BigDecimal("100"), "EUR", null,
                null, null, SELLER, null));

        assertThat(byField(only()).keySet()).containsExactly("title");
    }

    @Test
    void aDeletionNamesTheNotesWithoutTheirValue() {
        Deal deal = service.create(new DealDraft("Licences", new BigDecimal("100"), "EUR", null, null, null, null,
                "secret notes"));
        log.changes.clear();

        service.delete(deal.id(), deal.version());

        assertThat(only().action()).isEqualTo("deal.deleted");
        assertThat(only().details()).containsEntry("erased", "notes");
        assertThat(only().changes()).noneMatch(FieldChange::personal);
        assertThat(only().toString()).doesNotContain("secret");
    }

    @Test
    void withoutCrmAuditDealsStillWorkUnlessTheTrailIsRequired() {
        service.auditLog = null;
        Deal deal = service.create(new DealDraft("Licences", new BigDecimal("100"), "EUR", null, null, null, null,
                null));
        assertThat(store.stored(deal.id())).isNotNull();

        service.auditPolicy = () -> true;

        assertThatThrownBy(() -> service.create(new DealDraft("More", new BigDecimal("1"), "EUR", null, null, null,
                null, null))).isInstanceOf(ServiceUnavailableException.class);
    }

    private AuditEntry only() {
        assertThat(log.changes).hasSize(1);
        return log.changes.get(0);
    }

    private static Map<String, FieldChange> byField(AuditEntry entry) {
        return entry.changes().stream().collect(Collectors.toMap(FieldChange::field, c -> c, (a, b) -> a,
                java.util.LinkedHashMap::new));
    }
}
