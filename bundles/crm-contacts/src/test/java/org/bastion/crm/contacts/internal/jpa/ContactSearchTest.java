package org.bastion.crm.contacts.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.EmailAddress;
import org.bastion.crm.api.contacts.PhoneNumber;
import org.bastion.crm.contacts.internal.ContactCriteria;
import org.bastion.crm.testing.FakeFieldCipher;
import org.bastion.crm.contacts.internal.PhoneNumbers;
import org.bastion.crm.contacts.internal.SearchWord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Searches over encrypted contacts: blind-index words in the database, orders by time there and by name in memory. */
class ContactSearchTest {

    private static final List<SortKey> BY_CREATION = List.of(new SortKey("createdAt", true), new SortKey("id", true));
    private static final List<SortKey> BY_NAME = List.of(new SortKey("lastName", true), new SortKey("firstName", true),
            new SortKey("id", true));
    private static final PhoneNumbers GERMAN = new PhoneNumbers("49");

    private final FakeFieldCipher cipher = new FakeFieldCipher();
    private H2Database db;
    private JpaContactRepository contacts;
    private int created;

    @BeforeEach
    void open() throws Exception {
        db = new H2Database().migrated();
        contacts = new JpaContactRepository(db.template(), db.dataSource, cipher);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void aWordFindsWholeNameWordsAndTheirPrefixesIgnoringCaseAndAccents() {
        add("Ada", "Lovelace", "ada@example.com", "+4930123456");
        add("Adam", "Smith", "adam@example.com", null);
        add("Zoë", "Müller-Lüdenscheid", null, null);

        assertThat(lastNames("ada")).containsExactly("Lovelace", "Smith");
        assertThat(lastNames("ADAM")).containsExactly("Smith");
        assertThat(lastNames("lov")).containsExactly("Lovelace");
        assertThat(lastNames("lovelace")).containsExactly("Lovelace");
        assertThat(lastNames("Muller")).containsExactly("Müller-Lüdenscheid");
        assertThat(lastNames("MÜLL")).containsExactly("Müller-Lüdenscheid");
        assertThat(lastNames("lüdenscheid zoe")).containsExactly("Müller-Lüdenscheid");
        assertThat(lastNames("muller-ludenscheid")).containsExactly("Müller-Lüdenscheid");
        assertThat(lastNames("elace")).as("no infix").isEmpty();
        assertThat(lastNames("lovelaces")).isEmpty();
    }

    @Test
    void aWordLongerThanSixteenCharactersMatchesWholeNameWordsOnly() {
        add("Long", "Abcdefghijklmnopqrstuvwxyz", null, null);

        assertThat(lastNames("abcdefghijklmnop")).hasSize(1);
        assertThat(lastNames("abcdefghijklmnopqrstuvwxyz")).hasSize(1);
        assertThat(lastNames("abcdefghijklmnopq")).isEmpty();
    }

    @Test
    void anEmailAddressMatchesWholeAndCaseInsensitively() {
        add("Ada", "Lovelace", "Ada.King@Example.com", null);
        add("Grace", "Hopper", "grace@example.com", null);

        assertThat(lastNames("ada.king@example.com")).containsExactly("Lovelace");
        assertThat(lastNames("ADA.KING@EXAMPLE.COM")).containsExactly("Lovelace");
        assertThat(lastNames("king@example.com")).isEmpty();
        assertThatThrownBy(() -> lastNames("@example.com")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("text"));
    }

    @Test
    void aPhoneNumberIsNormalisedLikeStoredOnesAndMatchesWhole() {
        add("Ada", "Lovelace", null, "+4930123456");
        add("Grace", "Hopper", null, "+4930123457");

        assertThat(lastNames("+49 30 123456")).containsExactly("Lovelace");
        assertThat(lastNames("030 / 12 34 56")).containsExactly("Lovelace");
        assertThat(lastNames("0049 30 123457")).containsExactly("Hopper");
        assertThat(lastNames("123456")).isEmpty();
        assertThat(lastNames("+4930")).isEmpty();
    }

    @Test
    void everyWordMustMatchAndWordsOfDifferentKindsCombine() {
        add("Ada", "Lovelace", "ada@example.com", "+4930123456");
        add("Ada", "Byron", "byron@example.com", "+4930999999");
        add("Adam", "Lovelace", "adam@example.com", null);

        assertThat(lastNames("ada")).hasSize(3);
        assertThat(lastNames("ada lovelace")).containsExactly("Lovelace", "Lovelace");
        assertThat(lastNames("ada byron")).containsExactly("Byron");
        assertThat(lastNames("lovelace ada@example.com")).containsExactly("Lovelace");
        assertThat(lastNames("byron ada@example.com")).isEmpty();
        assertThat(lastNames("ada 030999999")).containsExactly("Byron");
    }

    @Test
    void aPlainWordShorterThanThreeCharactersIsRefusedOnText() {
        add("Al", "Bo", null, null);

        for (String text : List.of("al", "bo al", "a.", "o'b")) {
            assertThatThrownBy(() -> lastNames(text)).as(text).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.errors()).containsExactly(new FieldError("text", SearchWord.TOO_SHORT)));
        }
        assertThat(lastNames("o'brien")).as("a longer word may hold a short name word").isEmpty();
    }

    @Test
    void totalsAndPagesOfASearchAreExactAndCombineWithTheOtherFilters() {
        List<UUID> seeded = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            seeded.add(add("Seed" + i, i % 2 == 0 ? "Even" : "Odd", null, null).id());
        }
        add("Other", "Even", null, null);

        List<UUID> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            Page<Contact> one = contacts.search(criteria("seed", null, BY_CREATION, page, 10, 5000));
            assertThat(one.total()).isEqualTo(25);
            paged.addAll(one.items().stream().map(Contact::id).toList());
        }
        assertThat(paged).isEqualTo(seeded);
        assertThat(contacts.search(criteria("seed even", null, BY_CREATION, 0, 5, 5000)).total()).isEqualTo(13);
        assertThat(contacts.search(criteria("seed", "even", BY_CREATION, 0, 5, 5000)).total()).isEqualTo(13);
        assertThat(contacts.search(criteria("seed", "none", BY_CREATION, 0, 5, 5000)).total()).isZero();
    }

    @Test
    void listsAreOrderedByCreationTimeInTheDatabase() {
        Contact second = add("B", "Second", null, null);
        Contact first = contacts.insert(Samples.at(Samples.contact("A", "First", null), Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2030-01-01T00:00:00Z")));

        assertThat(contacts.search(criteria(null, null, BY_CREATION, 0, 5, 0)).items()).extracting(Contact::id)
                .containsExactly(first.id(), second.id());
        assertThat(contacts.search(criteria(null, null, List.of(new SortKey("updatedAt", false), new SortKey("id", true)),
                0, 5, 0)).items()).extracting(Contact::id).containsExactly(first.id(), second.id());
    }

    @Test
    void sortingByNameDecryptsAndCollatesInMemory() {
        for (String last : List.of("zed", "Émile", "Bob", "ada", "Émile")) {
            add("X", last, null, null);
        }
        add("Y", null, null, null);

        List<String> ascending = contacts.search(criteria(null, null, BY_NAME, 0, 10, 5000)).items().stream()
                .map(Contact::lastName).toList();
        Page<Contact> descendingPage = contacts.search(criteria(null, null,
                List.of(new SortKey("lastName", false), new SortKey("id", true)), 1, 2, 5000));

        assertThat(ascending).containsExactly(null, "ada", "Bob", "Émile", "Émile", "zed");
        assertThat(descendingPage.total()).isEqualTo(6);
        assertThat(descendingPage.items()).extracting(Contact::lastName).containsExactly("Émile", "Bob");
    }

    @Test
    void sortingByNameIsRefusedWhenMoreContactsMatchThanTheLimit() {
        for (int i = 0; i < 4; i++) {
            add("Many" + i, "Name", null, null);
        }
        add("Few", "Other", null, null);

        assertThatThrownBy(() -> contacts.search(criteria(null, null, BY_NAME, 0, 10, 3)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("sort", "sorting by name needs a narrower search: 3 or fewer contacts may match, 5 do")));
        assertThat(contacts.search(criteria("other", null, BY_NAME, 0, 10, 3)).total()).isEqualTo(1);
        assertThat(contacts.search(criteria(null, null, BY_CREATION, 0, 10, 3)).items()).hasSize(5);
    }

    private Contact add(String first, String last, String email, String phone) {
        Instant at = Samples.NOW.plusSeconds(created++);
        return contacts.insert(new Contact(UUID.randomUUID(), first, last, null, null,
                email == null ? List.of() : List.of(new EmailAddress("work", email, true)),
                phone == null ? List.of() : List.of(new PhoneNumber("work", phone)), List.of(),
                Set.of(last != null && last.length() % 2 == 0 ? "even" : "odd"), "alice", null, null, at, at, 0));
    }

    private List<String> lastNames(String text) {
        return contacts.search(criteria(text, null, BY_CREATION, 0, 50, 5000)).items().stream()
                .map(Contact::lastName).toList();
    }

    private static ContactCriteria criteria(String text, String tag, List<SortKey> order, int page, int size, int limit) {
        return new ContactCriteria(SearchWord.parse(text, GERMAN), tag, null, null, order, page, size, limit);
    }
}
