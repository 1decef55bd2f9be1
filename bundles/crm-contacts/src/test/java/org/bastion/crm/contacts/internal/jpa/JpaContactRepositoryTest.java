package org.bastion.crm.contacts.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.StaleVersionException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.EmailAddress;
import org.bastion.crm.contacts.internal.ContactCriteria;
import org.bastion.crm.testing.FakeFieldCipher;
import org.bastion.crm.contacts.internal.PhoneNumbers;
import org.bastion.crm.contacts.internal.SearchWord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JpaContactRepositoryTest {

    /** Sorted in memory: names are encrypted. */
    private static final List<SortKey> BY_NAME = List.of(new SortKey("lastName", true),
            new SortKey("firstName", true), new SortKey("id", true));
    /** Sorted by the database on an index: the default order of lists. */
    private static final List<SortKey> BY_CREATION = List.of(new SortKey("createdAt", true), new SortKey("id", true));
    private static final PhoneNumbers NO_DEFAULT_CODE = new PhoneNumbers(null);

    private final FakeFieldCipher cipher = new FakeFieldCipher();

    private H2Database db;
    private JpaContactRepository contacts;
    private JpaCompanyRepository companies;

    @BeforeEach
    void openDatabase() throws Exception {
        db = new H2Database().migrated();
        contacts = new JpaContactRepository(db.template(), db.counter.dataSource(), cipher);
        companies = new JpaCompanyRepository(db.template());
    }

    @AfterEach
    void closeDatabase() throws Exception {
        db.close();
    }

    @Test
    void storesAndReadsBackEveryFieldOfAContact() {
        UUID companyId = companies.insert(Samples.company("Acme", "acme.example")).id();
        Contact contact = Samples.contact("Ada", "Lovelace", companyId);

        Contact stored = contacts.insert(contact);

        assertThat(stored.version()).isPositive();
        assertThat(contacts.find(contact.id())).hasValueSatisfying(found -> {
            assertThat(found).usingRecursiveComparison().ignoringFields("version").isEqualTo(contact);
            assertThat(found.version()).isEqualTo(stored.version());
        });
    }

    @Test
    void whatRunsInTheInsertsTransactionSeesTheStoredContactAndItsFailureRollsTheInsertBack() {
        Contact contact = Samples.contact("Ada", "Lovelace", null);
        Contact[] seen = {null};

        assertThatThrownBy(() -> contacts.insert(contact, stored -> {
            seen[0] = stored;
            throw new org.bastion.crm.api.ServiceUnavailableException("the audit trail cannot record it");
        })).isInstanceOf(org.bastion.crm.api.ServiceUnavailableException.class);

        assertThat(seen[0].id()).isEqualTo(contact.id());
        assertThat(seen[0].version()).isPositive();
        assertThat(contacts.find(contact.id())).isEmpty();
    }

    @Test
    void keepsAbsentNamesAbsentAndTheEmailOrder() {
        Contact onlyLast = new Contact(UUID.randomUUID(), null, "Hopper", null, null,
                List.of(new EmailAddress(null, "b@example.com", true), new EmailAddress(null, "a@example.com", false)),
                List.of(), List.of(), java.util.Set.of(), "bob", null, null, Samples.NOW, Samples.NOW, 0);

        contacts.insert(onlyLast);

        Contact found = contacts.find(onlyLast.id()).orElseThrow();
        assertThat(found.firstName()).isNull();
        assertThat(found.emails()).extracting(EmailAddress::address).containsExactly("b@example.com", "a@example.com");
    }

    @Test
    void updateReplacesTheChildRowsAndRaisesTheVersion() {
        Contact stored = contacts.insert(Samples.contact("Ada", "Lovelace", null));

        Contact updated = contacts.update(stored.id(), current -> new Contact(current.id(), "Augusta", current.lastName(),
                null, null, List.of(new EmailAddress("work", "augusta@example.com", true)), List.of(), List.of(),
                java.util.Set.of("poet"), current.owner(), null, null, current.createdAt(), Samples.NOW.plusSeconds(5),
                current.version())).orElseThrow();

        assertThat(updated.version()).isGreaterThan(stored.version());
        Contact found = contacts.find(stored.id()).orElseThrow();
        assertThat(found.firstName()).isEqualTo("Augusta");
        assertThat(found.emails()).extracting(EmailAddress::address).containsExactly("augusta@example.com");
        assertThat(found.phones()).isEmpty();
        assertThat(found.addresses()).isEmpty();
        assertThat(found.tags()).containsExactly("poet");
        assertThat(found.updatedAt()).isEqualTo(Samples.NOW.plusSeconds(5));
    }

    @Test
    void aConcurrentChangeBetweenReadAndWriteIsReportedAsStale() {
        Contact stored = contacts.insert(Samples.contact("Ada", "Lovelace", null));

        assertThatThrownBy(() -> contacts.update(stored.id(), current -> {
            contacts.update(stored.id(), other -> withFirstName(other, "Racer"));
            return withFirstName(current, "Loser");
        })).isInstanceOf(StaleVersionException.class);

        assertThat(contacts.find(stored.id()).orElseThrow().firstName()).isEqualTo("Racer");
    }

    @Test
    void deleteRemovesTheContactAndItsChildRows() throws Exception {
        Contact stored = contacts.insert(Samples.contact("Ada", "Lovelace", null));

        assertThat(contacts.delete(stored.id(), current -> { })).isPresent();

        assertThat(contacts.find(stored.id())).isEmpty();
        assertThat(contacts.delete(stored.id(), current -> { })).isEmpty();
        try (var connection = db.dataSource.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT COUNT(*) FROM crm_contact_email")) {
            rows.next();
            assertThat(rows.getLong(1)).isZero();
        }
    }

    @Test
    void searchMatchesNamePrefixesAndWholeEmailsAndPhoneNumbersCaseInsensitively() {
        contacts.insert(Samples.contact("Ada", "Lovelace", null));
        Contact grace = contacts.insert(Samples.contact("Grace", "Hopper", null));
        String gracePhone = grace.phones().get(0).number();

        assertThat(names(search("LOVE"))).containsExactly("Lovelace");
        assertThat(names(search("Grace.Private@MAIL.example.org"))).containsExactly("Hopper");
        assertThat(names(search("ada lovelace"))).containsExactly("Lovelace");
        assertThat(names(search("ada hopper"))).isEmpty();
        assertThat(names(search(gracePhone))).containsExactly("Hopper");
        // encrypted fields match whole terms only: a part of a number or of a name word's end finds nothing
        assertThat(names(search(gracePhone.substring(5)))).isEmpty();
        assertThat(names(search("velace"))).isEmpty();
        assertThat(names(search("100%_"))).isEmpty();
        assertThatThrownBy(() -> search("grace.private@mail")).isInstanceOf(ValidationException.class);
    }

    @Test
    void searchFiltersByTagCompanyAndOwner() {
        UUID acme = companies.insert(Samples.company("Acme", "acme.example")).id();
        contacts.insert(Samples.contact("Ada", "Lovelace", acme));
        contacts.insert(Samples.contact("Grace", "Hopper", null));

        assertThat(search(new ContactCriteria(List.of(), "vip", null, null, BY_NAME, 0, 20)).total()).isEqualTo(2);
        assertThat(search(new ContactCriteria(List.of(), "nope", null, null, BY_NAME, 0, 20)).total()).isZero();
        assertThat(names(search(new ContactCriteria(List.of(), null, acme, null, BY_NAME, 0, 20))))
                .containsExactly("Lovelace");
        assertThat(search(new ContactCriteria(List.of(), null, null, "alice", BY_NAME, 0, 20)).total()).isEqualTo(2);
        assertThat(search(new ContactCriteria(List.of(), null, null, "bob", BY_NAME, 0, 20)).total()).isZero();
    }

    @Test
    void pagesInTheRequestedStableOrderWithTheTotal() {
        for (String last : List.of("Delta", "Alpha", "Charlie", "Bravo", "Echo")) {
            contacts.insert(Samples.contact("X", last, null));
        }

        Page<Contact> second = search(new ContactCriteria(List.of(), null, null, null, BY_NAME, 1, 2));
        Page<Contact> descending = search(new ContactCriteria(List.of(), null, null, null,
                List.of(new SortKey("lastName", false), new SortKey("id", true)), 0, 3));
        Page<Contact> beyond = search(new ContactCriteria(List.of(), null, null, null, BY_NAME, 9, 2));

        assertThat(second.total()).isEqualTo(5);
        assertThat(names(second)).containsExactly("Charlie", "Delta");
        assertThat(names(descending)).containsExactly("Echo", "Delta", "Charlie");
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
    }

    private Page<Contact> search(String text) {
        return search(new ContactCriteria(SearchWord.parse(text, NO_DEFAULT_CODE), null, null, null, BY_NAME, 0, 20));
    }

    private Page<Contact> search(ContactCriteria criteria) {
        return contacts.search(criteria);
    }

    private static List<String> names(Page<Contact> page) {
        return page.items().stream().map(Contact::lastName).toList();
    }

    @Test
    void everyPageFromTheFrontOrTheBackHalfMatchesTheFullOrder() {
        for (int i = 0; i < 23; i++) {
            // duplicate names and times, so that only the id decides some of the order
            Contact sample = Samples.contact("Ann" + (i % 3), "Lee" + (i % 4), null);
            contacts.insert(Samples.at(sample, Samples.NOW.plusSeconds(i % 5), Samples.NOW.plusSeconds(i % 7)));
        }
        List<SortKey> byNameDescending = List.of(new SortKey("lastName", false), new SortKey("firstName", true),
                new SortKey("id", true));
        List<SortKey> byUpdateDescending = List.of(new SortKey("updatedAt", false), new SortKey("id", true));
        List<SortKey> newestFirst = List.of(new SortKey("createdAt", false), new SortKey("id", false));
        for (List<SortKey> order : List.of(BY_NAME, byNameDescending, BY_CREATION, byUpdateDescending, newestFirst)) {
            List<UUID> all = ids(search(new ContactCriteria(List.of(), null, null, null, order, 0, 100)));
            List<UUID> paged = new java.util.ArrayList<>();
            for (int page = 0; page * 5 < all.size(); page++) {
                Page<Contact> one = search(new ContactCriteria(List.of(), null, null, null, order, page, 5));
                assertThat(one.total()).isEqualTo(23);
                paged.addAll(ids(one));
            }
            assertThat(paged).as("pages of 5 in order " + order).isEqualTo(all).hasSize(23);
        }
    }

    private static List<UUID> ids(Page<Contact> page) {
        return page.items().stream().map(Contact::id).toList();
    }

    private static Contact withFirstName(Contact c, String firstName) {
        return new Contact(c.id(), firstName, c.lastName(), c.title(), c.companyId(), c.emails(), c.phones(),
                c.addresses(), c.tags(), c.owner(), c.notes(), c.birthday(), c.createdAt(), c.updatedAt(), c.version());
    }
}
