package org.bastion.crm.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactDraft;
import org.bastion.crm.api.contacts.ContactQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SENSITIVE fields of contacts (notes, birthday): hidden without read-sensitive, guarded on every write. */
class ContactServiceSensitiveFieldsTest {

    private static final LocalDate BIRTHDAY = LocalDate.of(1980, 4, 1);

    private final ServiceFixture fixture = new ServiceFixture();
    private final ContactServiceImpl service = fixture.contacts;
    private Contact annsContact;
    private Contact bobsContact;

    @BeforeEach
    void seed() {
        annsContact = fixture.storeContact("Anna", "ann", "likes tea", BIRTHDAY, null);
        bobsContact = fixture.storeContact("Bobby", "bob", "owes us", BIRTHDAY, null);
        fixture.actAs("ann").permissions.team("ann", Set.of("bob"), "contacts:read", "contacts:write");
    }

    @Test
    void theSensitiveFieldsAreTheContactFieldsTaggedSensitive() {
        assertThat(SensitiveFields.NAMES).containsExactly("notes", "birthday");
    }

    @Test
    void findSearchCreateAndUpdateHideSensitiveFieldsFromCallersWhoMayNotReadThem() {
        assertHidden(service.find(annsContact.id()).orElseThrow());
        service.search(ContactQuery.all()).items().forEach(ContactServiceSensitiveFieldsTest::assertHidden);
        fixture.permissions.own("ann", "contacts:write-sensitive");
        assertHidden(service.create(draft("New", "secret", BIRTHDAY)));
        assertHidden(service.update(annsContact.id(), -1, draft("Anna", "changed", null)));
    }

    @Test
    void readSensitiveShowsTheFieldsOfTheContactsItsScopeReachesOnly() {
        fixture.permissions.own("ann", "contacts:read-sensitive");

        assertThat(service.find(annsContact.id()).orElseThrow().notes()).isEqualTo("likes tea");
        assertHidden(service.find(bobsContact.id()).orElseThrow());
        assertThat(service.search(ContactQuery.all()).items()).extracting(Contact::notes)
                .containsExactly("likes tea", null);
        assertThat(service.update(annsContact.id(), -1, draft("Anna", null, null)).birthday()).isEqualTo(BIRTHDAY);
    }

    @Test
    void withoutWriteSensitiveNullKeepsTheStoredValues() {
        Contact updated = service.update(annsContact.id(), -1, draft("Annie", null, null));

        assertThat(updated.firstName()).isEqualTo("Annie");
        assertThat(fixture.contactRows.rows.get(annsContact.id()).notes()).isEqualTo("likes tea");
        assertThat(fixture.contactRows.rows.get(annsContact.id()).birthday()).isEqualTo(BIRTHDAY);
    }

    @Test
    void withoutWriteSensitiveAValueIsRefusedNamingTheFieldAndThePermission() {
        assertThatThrownBy(() -> service.update(annsContact.id(), -1, draft("Anna", "new notes", null)))
                .isInstanceOf(AccessDeniedException.class).hasMessage("writing notes needs contacts:write-sensitive");
        assertThatThrownBy(() -> service.update(annsContact.id(), -1, draft("Anna", null, BIRTHDAY.plusDays(1))))
                .isInstanceOf(AccessDeniedException.class).hasMessage("writing birthday needs contacts:write-sensitive");
        assertThatThrownBy(() -> service.create(draft("New", "notes", null))).isInstanceOf(AccessDeniedException.class);
        assertThat(fixture.contactRows.rows.get(annsContact.id()).version()).isEqualTo(1);
        assertThat(fixture.contactRows.rows).hasSize(2);
    }

    @Test
    void aReaderWithoutWriteSensitiveMaySendTheStoredValuesBackUnchanged() {
        fixture.permissions.own("ann", "contacts:read-sensitive");

        Contact updated = service.update(annsContact.id(), -1, draft("Annie", "likes tea", BIRTHDAY));

        assertThat(updated.notes()).isEqualTo("likes tea");
        assertThat(updated.firstName()).isEqualTo("Annie");
    }

    @Test
    void aCallerWhoMayNotReadTheFieldsCannotProbeThemByWritingTheStoredValue() {
        assertThatThrownBy(() -> service.update(annsContact.id(), -1, draft("Anna", "likes tea", null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void writeSensitiveWithoutReadSensitiveSetsValuesAndNullStillKeeps() {
        fixture.permissions.own("ann", "contacts:write-sensitive");

        service.update(annsContact.id(), -1, draft("Anna", "new notes", null));

        assertThat(fixture.contactRows.rows.get(annsContact.id()).notes()).isEqualTo("new notes");
        assertThat(fixture.contactRows.rows.get(annsContact.id()).birthday()).isEqualTo(BIRTHDAY);
    }

    @Test
    void readAndWriteSensitiveTogetherLetNullClearAField() {
        fixture.permissions.own("ann", "contacts:read-sensitive", "contacts:write-sensitive");

        Contact updated = service.update(annsContact.id(), -1, draft("Anna", "other notes", null));

        assertThat(updated.notes()).isEqualTo("other notes");
        assertThat(updated.birthday()).isNull();
        assertThat(fixture.contactRows.rows.get(annsContact.id()).birthday()).isNull();
    }

    @Test
    void writeSensitiveMustReachTheContactsOwner() {
        fixture.permissions.own("ann", "contacts:read-sensitive", "contacts:write-sensitive");

        assertThatThrownBy(() -> service.update(bobsContact.id(), -1, draft("Bobby", "new", null)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("contacts:write-sensitive");
        assertThatThrownBy(() -> service.update(annsContact.id(), -1,
                new ContactDraft("Anna", "Lee", null, null, null, null, null, null, "bob", "moved", null)))
                .as("handing a contact to bob while writing its notes needs write-sensitive on bob's contacts too")
                .isInstanceOf(AccessDeniedException.class);
        assertThat(service.create(draft("Mine", "notes", BIRTHDAY)).notes()).isEqualTo("notes");
    }

    private static void assertHidden(Contact contact) {
        assertThat(contact.notes()).isNull();
        assertThat(contact.birthday()).isNull();
    }

    private static ContactDraft draft(String firstName, String notes, LocalDate birthday) {
        return new ContactDraft(firstName, "Lee", null, null, null, null, null, null, null, notes, birthday);
    }
}
