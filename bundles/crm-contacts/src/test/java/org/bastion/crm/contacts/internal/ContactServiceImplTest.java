package org.bastion.crm.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.StaleVersionException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactDraft;
import org.bastion.crm.api.contacts.ContactQuery;
import org.bastion.crm.api.contacts.EmailAddress;
import org.bastion.crm.api.contacts.PhoneNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

class ContactServiceImplTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30.123456Z");

    private final InMemoryContactRepository contacts = new InMemoryContactRepository();
    private final InMemoryCompanyRepository companies = new InMemoryCompanyRepository();
    private final EventAdmin events = mock(EventAdmin.class);
    private ContactServiceImpl service;

    @BeforeEach
    void createService() {
        service = new ContactServiceImpl(contacts, companies, Clock.fixed(NOW, ZoneOffset.UTC), "49");
        service.eventAdmin = events;
        service.permissions = FakePermissions.everything();
        service.callerContext = () -> new Caller("u-42", "Uma", Set.of(), true);
    }

    @Test
    void createsANormalisedContactOwnedByTheCaller() {
        Contact created = service.create(draft(" Ada ", "Lovelace", List.of(new EmailAddress("work", "Ada@EXAMPLE.com", false)),
                List.of(new PhoneNumber("mobile", "030 123 456"))));

        assertThat(created.firstName()).isEqualTo("Ada");
        assertThat(created.owner()).isEqualTo("u-42");
        assertThat(created.emails()).containsExactly(new EmailAddress("work", "Ada@example.com", true));
        assertThat(created.phones()).containsExactly(new PhoneNumber("mobile", "+4930123456"));
        assertThat(created.createdAt()).isEqualTo(Instant.parse("2025-03-01T10:15:30.123Z"));
        assertThat(created.version()).isEqualTo(1);
        assertThat(contacts.find(created.id())).contains(created);
    }

    @Test
    void withoutACallerContextTheSystemOwnsNewContacts() {
        service.callerContext = null;

        assertThat(service.create(draft("Ada", "Lovelace", List.of(), List.of())).owner()).isEqualTo(Caller.SYSTEM.id());
    }

    @Test
    void anExplicitOwnerIsKept() {
        ContactDraft withOwner = new ContactDraft("Ada", null, null, null, null, null, null, null, "boss", null, null);

        assertThat(service.create(withOwner).owner()).isEqualTo("boss");
    }

    @Test
    void postsEventsWithIdAndCallerOnlyNeverPersonalData() {
        Contact created = service.create(draft("Ada", "Lovelace", List.of(), List.of()));
        service.update(created.id(), created.version(), draft("Ada", "King", List.of(), List.of()));
        service.delete(created.id(), -1);

        ArgumentCaptor<Event> posted = ArgumentCaptor.forClass(Event.class);
        verify(events, org.mockito.Mockito.times(3)).postEvent(posted.capture());
        assertThat(posted.getAllValues()).extracting(Event::getTopic).containsExactly(
                "org/bastion/crm/contacts/CREATED", "org/bastion/crm/contacts/UPDATED", "org/bastion/crm/contacts/DELETED");
        for (Event event : posted.getAllValues()) {
            assertThat(Set.of(event.getPropertyNames())).containsExactlyInAnyOrder("id", "caller", "event.topics");
            assertThat(event.getProperty("id")).isEqualTo(created.id().toString());
            assertThat(event.getProperty("caller")).isEqualTo("u-42");
        }
    }

    @Test
    void reportsEveryBrokenRuleAtOnceIncludingAnUnknownCompany() {
        ContactDraft bad = new ContactDraft(null, null, null, UUID.randomUUID(),
                List.of(new EmailAddress(null, "not-an-address", false)), List.of(new PhoneNumber(null, "CALL-ME")),
                null, null, null, null, null);

        assertThatThrownBy(() -> service.create(bad)).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("firstName", "emails[0].address", "phones[0].number", "companyId"));
        assertThat(contacts.rows).isEmpty();
        verify(events, never()).postEvent(any());
    }

    @Test
    void acceptsAnExistingCompany() {
        Company acme = companies.insert(new Company(UUID.randomUUID(), "Acme", null, null, Set.of(), "o", NOW, NOW, 0));
        ContactDraft draft = new ContactDraft("Ada", null, null, acme.id(), null, null, null, null, null, null, null);

        assertThat(service.create(draft).companyId()).isEqualTo(acme.id());
    }

    @Test
    void updateWithAStaleVersionIsRefusedAndChangesNothing() {
        Contact created = service.create(draft("Ada", "Lovelace", List.of(), List.of()));
        service.update(created.id(), created.version(), draft("Ada", "King", List.of(), List.of()));

        assertThatThrownBy(() -> service.update(created.id(), created.version(), draft("Ada", "Byron", List.of(), List.of())))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> assertThat(e.currentVersion()).isEqualTo(2));
        assertThat(service.find(created.id()).orElseThrow().lastName()).isEqualTo("King");
    }

    @Test
    void updateKeepsIdCreationTimeAndOwnerAndRaisesTheVersion() {
        Contact created = service.create(draft("Ada", "Lovelace", List.of(), List.of()));
        service.callerContext = () -> new Caller("someone-else", null, Set.of(), true);

        Contact updated = service.update(created.id(), created.version(), draft("Ada", "King", List.of(), List.of()));

        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(updated.createdAt()).isEqualTo(created.createdAt());
        assertThat(updated.owner()).isEqualTo("u-42");
        assertThat(updated.version()).isEqualTo(created.version() + 1);
    }

    @Test
    void updatingOrDeletingAMissingContactSaysSo() {
        UUID missing = UUID.randomUUID();

        assertThatThrownBy(() -> service.update(missing, 1, draft("A", "B", List.of(), List.of())))
                .isInstanceOf(NotFoundException.class);
        assertThat(service.delete(missing, -1)).isFalse();
        assertThat(service.find(missing)).isEmpty();
    }

    @Test
    void deleteWithAStaleVersionIsRefused() {
        Contact created = service.create(draft("Ada", "Lovelace", List.of(), List.of()));

        assertThatThrownBy(() -> service.delete(created.id(), created.version() + 5))
                .isInstanceOf(StaleVersionException.class);
        assertThat(service.delete(created.id(), created.version())).isTrue();
        assertThat(service.count()).isZero();
    }

    @Test
    void searchDefaultsToCreationTimeSortsByNameOnRequestAndRejectsUnknownSortFields() {
        TickingClock clock = new TickingClock(NOW);
        service = new ContactServiceImpl(contacts, companies, clock, "49");
        service.create(draft("Bea", "Zed", List.of(), List.of()));
        service.create(draft("Al", "Zed", List.of(), List.of()));
        service.create(draft("Cy", "Alpha", List.of(), List.of()));

        assertThat(service.search(ContactQuery.all()).items()).extracting(Contact::firstName)
                .containsExactly("Bea", "Al", "Cy");
        ContactQuery byName = new ContactQuery(null, null, null, null, new PageRequest(0, 20,
                List.of(new SortKey("lastName", true), new SortKey("firstName", true))));
        assertThat(service.search(byName).items()).extracting(Contact::firstName).containsExactly("Cy", "Al", "Bea");
        ContactQuery bySalary = new ContactQuery(null, null, null, null,
                new PageRequest(0, 20, List.of(new SortKey("salary", true))));
        assertThatThrownBy(() -> service.search(bySalary)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("sort"));
    }

    @Test
    void searchFindsByNormalisedTagAndByPhoneDigits() {
        service.create(new ContactDraft("Ada", null, null, null, null, List.of(new PhoneNumber(null, "+44 20 7946 0018")),
                null, Set.of("VIP"), null, null, null));
        service.create(draft("Bob", null, List.of(), List.of()));

        assertThat(service.search(new ContactQuery(null, " vip ", null, null, null)).total()).isEqualTo(1);
        assertThat(service.search(new ContactQuery("0044 20 7946 0018", null, null, null, null)).items())
                .extracting(Contact::firstName).containsExactly("Ada");
        assertThat(service.search(new ContactQuery("020 7946", null, null, null, null)).items())
                .as("a part of a number is no whole number").isEmpty();
    }

    @Test
    void searchNormalisesNationalNumbersWithTheConfiguredCallingCodeLikeStoredOnes() {
        service.create(new ContactDraft("Ada", null, null, null, null, List.of(new PhoneNumber(null, "+49 30 1234567")),
                null, null, null, null, null));

        assertThat(service.search(new ContactQuery("030 / 123 45 67", null, null, null, null)).total()).isEqualTo(1);
    }

    @Test
    void aSearchWordOfFewerThanThreeCharactersIsAValidationErrorOnText() {
        service.create(draft("Al", "Zed", List.of(), List.of()));

        assertThatThrownBy(() -> service.search(new ContactQuery("zed al", null, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("text", "each search word needs at least 3 characters")));
    }

    @Test
    void theConfiguredNameSortLimitReachesTheRepository() {
        service.search(ContactQuery.all());
        assertThat(contacts.lastCriteria.nameSortLimit()).isEqualTo(5000);

        new ContactServiceImpl(contacts, companies, Clock.fixed(NOW, ZoneOffset.UTC), "49", 7).search(ContactQuery.all());
        assertThat(contacts.lastCriteria.nameSortLimit()).isEqualTo(7);
        assertThat(contacts.lastCriteria.order()).containsExactly(new SortKey("createdAt", true), new SortKey("id", true));
    }

    /** A clock that moves on by one second every time it is read. */
    private static final class TickingClock extends Clock {

        private Instant next;

        TickingClock(Instant start) {
            next = start;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            Instant now = next;
            next = next.plusSeconds(1);
            return now;
        }
    }

    private static ContactDraft draft(String first, String last, List<EmailAddress> emails, List<PhoneNumber> phones) {
        return new ContactDraft(first, last, null, null, emails, phones, null, null, null, null, null);
    }

    @Test
    void searchFiltersWithAControlCharacterAreRefusedNamingEachFilter() {
        assertThatThrownBy(() -> service.search(new ContactQuery("a\u0000b", "v\u0000ip", null, "o\u001b", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("q", "tag", "owner"));
    }
}
