package org.bastion.crm.contacts.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.contacts.internal.CompanyCriteria;
import org.bastion.crm.contacts.internal.ContactCriteria;
import org.bastion.crm.contacts.internal.PhoneNumbers;
import org.bastion.crm.contacts.internal.SearchWord;
import org.bastion.crm.testing.FakeFieldCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A caller's read scope limits the queries themselves (ADR 8): totals, pages, search words, tags, companies and the
 * in-memory name sort see only the owners the criteria name, in the database.
 */
class OwnerScopedQueriesTest {

    private static final List<SortKey> BY_CREATION = List.of(new SortKey("createdAt", true), new SortKey("id", true));
    private static final List<SortKey> BY_NAME = List.of(new SortKey("lastName", true), new SortKey("id", true));
    private static final List<SortKey> COMPANIES_BY_NAME = List.of(new SortKey("name", true), new SortKey("id", true));
    private static final PhoneNumbers GERMAN = new PhoneNumbers("49");

    private H2Database db;
    private JpaContactRepository contacts;
    private JpaCompanyRepository companies;
    private int created;

    @BeforeEach
    void open() throws Exception {
        db = new H2Database().migrated();
        contacts = new JpaContactRepository(db.template(), db.counter.dataSource(), new FakeFieldCipher());
        companies = new JpaCompanyRepository(db.template());
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void totalsAndPagesOfARestrictedCallerCountTheirOwnersOnly() {
        List<UUID> bobs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            add("Alice" + i, "Smith", "alice", null);
            if (i < 10) {
                bobs.add(add("Bob" + i, "Smith", "bob", null).id());
            }
        }

        List<UUID> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            Page<Contact> one = contacts.search(criteria(null, null, BY_CREATION, page, 4, Set.of("bob")));
            assertThat(one.total()).isEqualTo(10);
            paged.addAll(one.items().stream().map(Contact::id).toList());
        }
        assertThat(paged).isEqualTo(bobs);
        assertThat(contacts.search(criteria(null, null, BY_CREATION, 0, 50, null)).total()).isEqualTo(22);
        assertThat(contacts.search(criteria(null, null, BY_CREATION, 0, 50, Set.of("bob", "alice"))).total())
                .isEqualTo(22);
    }

    @Test
    void theOwnerFilterIsPartOfTheCountAndThePageStatements() {
        add("Ada", "Lovelace", "alice", null);
        db.counter.reset();

        contacts.search(criteria(null, null, BY_CREATION, 0, 5, Set.of("alice")));

        assertThat(db.counter.statements()).filteredOn(sql -> sql.contains("FROM crm_contact c"))
                .hasSize(2).allSatisfy(sql -> assertThat(sql).contains("c.owner_id IN (?)"));
    }

    @Test
    void aSingleOwnersPageIsReadInIndexOrderWithoutSortingTheOwnersRows() throws Exception {
        add("Ada", "Lovelace", "alice", null);
        db.counter.reset();

        contacts.search(criteria(null, null, BY_CREATION, 0, 5, Set.of("alice")));

        String page = db.counter.statements().stream().filter(sql -> sql.startsWith("SELECT c.id FROM crm_contact c"))
                .findFirst().orElseThrow();
        assertThat(page).contains("ORDER BY c.owner_id ASC, c.created_at ASC");
        try (java.sql.Connection connection = db.dataSource.getConnection();
             java.sql.PreparedStatement explain = connection.prepareStatement("EXPLAIN " + page)) {
            explain.setString(1, "alice");
            explain.setLong(2, 0);
            explain.setLong(3, 5);
            try (java.sql.ResultSet plan = explain.executeQuery()) {
                plan.next();
                assertThat(plan.getString(1)).contains("IX_CRM_CONTACT_OWNER_CREATED").contains("index sorted");
            }
        }
    }

    @Test
    void aScopedListCountsItsOwnersOnceAndAgainAfterEveryWrite() {
        add("Ada", "Lovelace", "alice", null);
        Contact second = add("Bea", "Lovelace", "alice", null);
        add("Cy", "Byron", "bob", null);
        assertThat(contacts.search(criteria(null, null, BY_CREATION, 0, 5, Set.of("alice", "bob"))).total()).isEqualTo(3);
        db.counter.reset();

        assertThat(contacts.search(criteria(null, null, BY_CREATION, 0, 5, Set.of("alice", "bob"))).total()).isEqualTo(3);
        assertThat(db.counter.statements()).as("remembered").noneMatch(sql -> sql.contains("COUNT("));

        contacts.delete(second.id(), current -> { });
        assertThat(contacts.search(criteria(null, null, BY_CREATION, 0, 5, Set.of("alice"))).total()).isEqualTo(1);
        add("Di", "Byron", "bob", null);
        assertThat(contacts.search(criteria(null, null, BY_CREATION, 0, 5, Set.of("alice", "bob"))).total()).isEqualTo(3);
        assertThat(contacts.search(criteria("byron", null, BY_CREATION, 0, 5, Set.of("alice", "bob"))).total())
                .as("a search with words counts its matches").isEqualTo(2);
    }

    @Test
    void searchWordsTagsAndCompaniesMatchNothingOutsideTheScope() {
        Company acme = companies.insert(Samples.company("Acme", "acme.example"));
        add("Ada", "Lovelace", "alice", null);
        add("Ada", "Byron", "bob", acme.id());
        add("Adam", "Smith", "bob", acme.id());

        assertThat(contacts.search(criteria("ada", null, BY_CREATION, 0, 10, Set.of("alice"))).total()).isEqualTo(1);
        assertThat(contacts.search(criteria("byron", null, BY_CREATION, 0, 10, Set.of("alice"))).total()).isZero();
        assertThat(contacts.search(criteria(null, "vip", BY_CREATION, 0, 10, Set.of("alice"))).items())
                .extracting(Contact::lastName).containsOnly("Lovelace");
        assertThat(new ContactCriteria(List.of(), null, acme.id(), null, BY_CREATION, 0, 10, 5000, Set.of("alice")))
                .satisfies(c -> assertThat(contacts.search(c).total()).isZero());
        assertThat(contacts.search(criteria("ada", null, BY_CREATION, 0, 10, null)).total()).isEqualTo(3);
    }

    @Test
    void theNameSortSortsAndLimitsTheScopeOnly() {
        for (int i = 0; i < 5; i++) {
            add("Other" + i, "Zed", "bob", null);
        }
        add("Ann", "Young", "alice", null);
        add("Ann", "Abbot", "alice", null);

        Page<Contact> page = contacts.search(new ContactCriteria(List.of(), null, null, null, BY_NAME, 0, 10, 3,
                Set.of("alice")));

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).extracting(Contact::lastName).containsExactly("Abbot", "Young");
    }

    @Test
    void anEmptyOwnerSetMatchesNothingAndNullMatchesAll() {
        add("Ada", "Lovelace", "alice", null);

        assertThat(contacts.search(criteria(null, null, BY_CREATION, 0, 10, Set.of())).total()).isZero();
        assertThat(contacts.count(Set.of())).isZero();
        assertThat(contacts.count(Set.of("alice", "bob"))).isEqualTo(1);
        assertThat(contacts.count(Set.of("bob"))).isZero();
        assertThat(contacts.count(null)).isEqualTo(1);
    }

    @Test
    void companyTotalsPagesAndWordsCoverTheScopeOnly() {
        for (int i = 0; i < 5; i++) {
            companies.insert(company("Alpha " + i, "alice"));
            companies.insert(company("Beta " + i, "bob"));
        }

        Page<Company> second = companies.search(new CompanyCriteria(List.of(), null, null, COMPANIES_BY_NAME, 1, 2,
                Set.of("bob")));
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.items()).extracting(Company::name).containsExactly("Beta 2", "Beta 3");
        assertThat(companies.search(new CompanyCriteria(List.of("alpha"), null, null, COMPANIES_BY_NAME, 0, 10,
                Set.of("bob"))).total()).isZero();
        assertThat(companies.search(new CompanyCriteria(List.of(), null, null, COMPANIES_BY_NAME, 0, 10, Set.of()))
                .total()).isZero();
        assertThat(companies.search(new CompanyCriteria(List.of(), null, null, COMPANIES_BY_NAME, 0, 20,
                Set.of("alice", "bob"))).total()).isEqualTo(10);
    }

    private Contact add(String first, String last, String owner, UUID companyId) {
        Instant at = Samples.NOW.plusSeconds(created++);
        Contact sample = Samples.contact(first, last, companyId);
        return contacts.insert(new Contact(UUID.randomUUID(), first, last, null, companyId, List.of(), List.of(),
                List.of(), Set.of("vip"), owner, sample.notes(), sample.birthday(),
                at, at, 0));
    }

    private static Company company(String name, String owner) {
        return new Company(UUID.randomUUID(), name, null, null, Set.of(), owner, Samples.NOW, Samples.NOW, 0);
    }

    private static ContactCriteria criteria(String text, String tag, List<SortKey> order, int page, int size,
                                            Set<String> owners) {
        return new ContactCriteria(SearchWord.parse(text, GERMAN), tag, null, null, order, page, size, 5000, owners);
    }
}
