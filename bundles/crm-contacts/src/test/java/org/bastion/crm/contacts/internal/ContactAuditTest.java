package org.bastion.crm.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.StaleVersionException;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditTarget;
import org.bastion.crm.api.audit.FieldChange;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactDraft;
import org.bastion.crm.api.contacts.ContactQuery;
import org.bastion.crm.api.contacts.EmailAddress;
import org.bastion.crm.api.crypto.RecordRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactAuditTest {

    private final ServiceFixture fixture = new ServiceFixture();
    private final FakeAuditLog log = new FakeAuditLog();

    @BeforeEach
    void recordIntoTheFakeLog() {
        fixture.contacts.auditLog = log;
        fixture.companies.auditLog = log;
        fixture.contacts.permissions = FakePermissions.everything();
        fixture.companies.permissions = FakePermissions.everything();
    }

    @Test
    void aCreationRecordsEveryFieldWithAValuePersonalOnesUnderTheContactsKey() {
        Contact created = fixture.contacts.create(new ContactDraft("Ada", "Lovelace", null, null,
                List.of(new EmailAddress("work", "ada@example.com", true)), null, null, Set.of("vip"), null,
                "likes tea", LocalDate.of(1815, 12, 10)));

        AuditEntry entry = log.onlyChange();
        assertThat(entry.action()).isEqualTo("contact.created");
        assertThat(entry.target()).isEqualTo(new AuditTarget("contact", created.id().toString()));
        Map<String, FieldChange> changes = byField(entry);
        assertThat(changes.keySet()).containsExactly("firstName", "lastName", "emails", "tags", "owner", "notes",
                "birthday");
        RecordRef key = new RecordRef("contact", created.id().toString());
        assertThat(changes.get("firstName")).isEqualTo(FieldChange.personal("firstName", null, "Ada", key));
        assertThat(changes.get("emails")).isEqualTo(FieldChange.personal("emails", null,
                "[{\"type\":\"work\",\"address\":\"ada@example.com\",\"primary\":true}]", key));
        assertThat(changes.get("notes").personalDataOf()).isEqualTo(key);
        assertThat(changes.get("birthday").newValue()).isEqualTo("1815-12-10");
        assertThat(changes.get("tags")).isEqualTo(FieldChange.plain("tags", null, "[\"vip\"]"));
        assertThat(changes.get("owner")).isEqualTo(FieldChange.plain("owner", null, "system"));
    }

    @Test
    void anUpdateRecordsOnlyTheFieldsThatChangedWithOldAndNewValues() {
        Contact stored = fixture.storeContact("Ada", "system", null, null, null);
        ContactDraft changed = new ContactDraft("Augusta", "Lee", null, null, stored.emails(), null, null,
                Set.of("vip", "met"), "system", null, null);

        fixture.contacts.update(stored.id(), stored.version(), changed);

        Map<String, FieldChange> changes = byField(log.onlyChange());
        assertThat(log.onlyChange().action()).isEqualTo("contact.updated");
        assertThat(changes.keySet()).containsExactly("firstName", "tags");
        assertThat(changes.get("firstName")).isEqualTo(FieldChange.personal("firstName", "Ada", "Augusta",
                new RecordRef("contact", stored.id().toString())));
        assertThat(changes.get("tags")).isEqualTo(FieldChange.plain("tags", "[\"vip\"]", "[\"met\",\"vip\"]"));
    }

    @Test
    void aDeletionNamesThePersonalFieldsItErasedAndCarriesNoneOfTheirValues() {
        Contact stored = fixture.storeContact("Ada", "system", "secret", null, null);

        fixture.contacts.delete(stored.id(), stored.version());

        AuditEntry entry = log.onlyChange();
        assertThat(entry.action()).isEqualTo("contact.deleted");
        assertThat(entry.details()).containsEntry("erased", "firstName,lastName,emails,notes");
        assertThat(entry.changes()).noneMatch(FieldChange::personal);
        assertThat(byField(entry).keySet()).containsExactly("tags", "owner");
        assertThat(entry.changes().toString()).doesNotContain("Ada", "secret", "example.com");
    }

    @Test
    void aRefusedUpdateRecordsNothing() {
        Contact stored = fixture.storeContact("Ada", "system", null, null, null);

        assertThatThrownBy(() -> fixture.contacts.update(stored.id(), stored.version() + 5, stored.toDraft()))
                .isInstanceOf(StaleVersionException.class);

        assertThat(log.changes).isEmpty();
    }

    @Test
    void aReadAndAListPageAreQueuedWithTheIdsShown() {
        Contact ada = fixture.storeContact("Ada", "system", null, null, null);
        Contact bob = fixture.storeContact("Bob", "system", null, null, null);

        fixture.contacts.find(ada.id());
        fixture.contacts.search(new ContactQuery(null, null, null, null, new PageRequest(0, 10, List.of())));

        assertThat(log.changes).isEmpty();
        assertThat(log.queued).hasSize(2);
        assertThat(log.queued.get(0).action()).isEqualTo("contact.read");
        assertThat(log.queued.get(0).target()).isEqualTo(new AuditTarget("contact", ada.id().toString()));
        AuditEntry listed = log.queued.get(1);
        assertThat(listed.action()).isEqualTo("contact.listed");
        assertThat(listed.details()).containsEntry("ids", ada.id() + "," + bob.id()).containsEntry("count", "2")
                .containsEntry("total", "2").containsEntry("page", "0");
    }

    @Test
    void anUnknownContactAndAnEmptyPageAreNotRecordedAsReads() {
        fixture.contacts.find(UUID.randomUUID());
        fixture.contacts.search(ContactQuery.all());

        assertThat(log.queued).isEmpty();
    }

    @Test
    void aLongPageSpreadsItsIdsOverSeveralDetails() {
        for (int i = 0; i < 150; i++) {
            fixture.storeContact("C" + i, "system", null, null, null);
        }

        fixture.contacts.search(new ContactQuery(null, null, null, null, new PageRequest(0, 150, List.of())));

        Map<String, String> details = log.queued.get(0).details();
        assertThat(details.get("ids").split(",")).hasSize(100);
        assertThat(details.get("ids.2").split(",")).hasSize(50);
        assertThat(details.values()).allMatch(value -> value.length() <= AuditEntry.MAX_DETAIL_VALUE);
    }

    @Test
    void withoutALogChangesGoOnUnlessThePolicyRequiresOne() {
        fixture.contacts.auditLog = null;
        Contact created = fixture.contacts.create(new ContactDraft("Ada", null, null, null, null, null, null, null,
                null, null, null));
        assertThat(created.id()).isNotNull();

        fixture.contacts.auditPolicy = () -> true;

        assertThatThrownBy(() -> fixture.contacts.create(new ContactDraft("Bob", null, null, null, null, null, null,
                null, null, null, null))).isInstanceOf(ServiceUnavailableException.class);
        assertThatThrownBy(() -> fixture.contacts.delete(created.id(), -1))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThat(fixture.contactRows.rows).containsOnlyKeys(created.id());
    }

    @Test
    void aFailingLogStopsTheChangeInsideItsTransaction() {
        fixture.contacts.auditLog = new FakeAuditLog() {
            @Override
            public void record(AuditEntry entry) {
                throw new ServiceUnavailableException("audit down");
            }
        };
        Contact stored = fixture.storeContact("Ada", "system", null, null, null);

        assertThatThrownBy(() -> fixture.contacts.update(stored.id(), stored.version(),
                new ContactDraft("Eve", null, null, null, null, null, null, null, null, null, null)))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThat(fixture.contactRows.rows.get(stored.id()).firstName()).isEqualTo("Ada");
    }

    @Test
    void companyChangesArePlainAndKeyless() {
        var company = fixture.companies.create(new org.bastion.crm.api.companies.CompanyDraft("Acme", "acme.example",
                null, Set.of(), null));
        fixture.companies.update(company.id(), company.version(), new org.bastion.crm.api.companies.CompanyDraft(
                "Acme Ltd", "acme.example", null, Set.of(), null));
        fixture.companies.find(company.id());

        assertThat(log.changes).extracting(AuditEntry::action).containsExactly("company.created", "company.updated");
        assertThat(log.changes).flatExtracting(AuditEntry::changes).noneMatch(FieldChange::personal);
        assertThat(byField(log.changes.get(1))).containsOnlyKeys("name");
        assertThat(byField(log.changes.get(1)).get("name")).isEqualTo(FieldChange.plain("name", "Acme", "Acme Ltd"));
        assertThat(log.queued).extracting(AuditEntry::action).containsExactly("company.read");
    }

    private static Map<String, FieldChange> byField(AuditEntry entry) {
        return entry.changes().stream().collect(Collectors.toMap(FieldChange::field, c -> c, (a, b) -> a,
                java.util.LinkedHashMap::new));
    }
}
