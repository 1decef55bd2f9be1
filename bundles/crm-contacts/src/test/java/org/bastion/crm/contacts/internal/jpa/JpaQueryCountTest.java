package org.bastion.crm.contacts.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.contacts.internal.ContactCriteria;
import org.bastion.crm.testing.FakeFieldCipher;
import org.bastion.crm.contacts.internal.PhoneNumbers;
import org.bastion.crm.contacts.internal.SearchWord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves that reading a contact or a page of contacts costs a fixed number of statements and one batch of record
 * keys, never one per contact, whether the database sorts the page or (by encrypted name) memory does.
 */
class JpaQueryCountTest {

    private static final List<SortKey> BY_NAME = List.of(new SortKey("lastName", true), new SortKey("firstName", true),
            new SortKey("id", true));
    private static final List<SortKey> BY_CREATION = List.of(new SortKey("createdAt", true), new SortKey("id", true));

    private final FakeFieldCipher cipher = new FakeFieldCipher();
    private H2Database db;
    private JpaContactRepository contacts;
    private UUID someId;

    @BeforeEach
    void seed() throws Exception {
        db = new H2Database().migrated();
        contacts = new JpaContactRepository(db.template(), db.counter.dataSource(), cipher);
        for (int i = 0; i < 30; i++) {
            someId = contacts.insert(Samples.contact("First" + i, "Last" + (char) ('A' + i % 26) + i, null)).id();
        }
        db.counter.reset();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void findingOneContactWithAllItsCollectionsTakesAtMostFiveStatementsAndOneKeyBatch() {
        int keyBatches = cipher.recordCiphersCalls();

        Contact contact = contacts.find(someId).orElseThrow();

        print("find by id", db.counter.statements());
        assertThat(contact.emails()).hasSize(2);
        assertThat(contact.tags()).hasSize(2);
        assertThat(db.counter.statements()).hasSizeLessThanOrEqualTo(5);
        assertThat(cipher.recordCiphersCalls() - keyBatches).isEqualTo(1);
    }

    @Test
    void aPageOfTwentyCostsAsManyStatementsAsAPageOfTwoInTheDefaultOrder() {
        assertPageCostIndependentOfSize(BY_CREATION);
    }

    @Test
    void aPageSortedByNameInMemoryCostsNoMoreStatements() {
        assertPageCostIndependentOfSize(BY_NAME);
    }

    @Test
    void aSearchThroughTheBlindIndexCostsNoMoreStatements() {
        Page<Contact> page = contacts.search(new ContactCriteria(
                SearchWord.parse("first", new PhoneNumbers(null)),
                null, null, null, BY_CREATION, 0, 20));

        print("search 'first'", db.counter.statements());
        assertThat(page.total()).isEqualTo(30);
        assertThat(db.counter.statements()).hasSizeLessThanOrEqualTo(7);
    }

    private void assertPageCostIndependentOfSize(List<SortKey> order) {
        int keyBatches = cipher.recordCiphersCalls();
        Page<Contact> small = contacts.search(new ContactCriteria(List.of(), null, null, null, order, 0, 2));
        int smallCount = db.counter.statements().size();
        db.counter.reset();
        int keyBatchesOfSmall = cipher.recordCiphersCalls() - keyBatches;

        Page<Contact> page = contacts.search(new ContactCriteria(List.of(), null, null, null, order, 0, 20));
        List<String> statements = db.counter.statements();

        print("page of 20 by " + order, statements);
        assertThat(small.items()).hasSize(2);
        assertThat(page.items()).hasSize(20).allSatisfy(c -> assertThat(c.emails()).hasSize(2));
        assertThat(page.total()).isEqualTo(30);
        // count, the page's ids (or every match's names), the page's rows, one select per child table
        assertThat(statements).hasSize(smallCount).hasSizeLessThanOrEqualTo(7);
        // the record keys of a page, or of every match sorted by name, come in one batch
        assertThat(keyBatchesOfSmall).isEqualTo(1);
        assertThat(cipher.recordCiphersCalls() - keyBatches - keyBatchesOfSmall).isEqualTo(1);
    }

    private static void print(String what, List<String> statements) {
        System.out.println("--- " + what + ": " + statements.size() + " statements");
        statements.forEach(sql -> System.out.println("    " + sql));
    }
}
