package org.bastion.crm.contacts.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.contacts.internal.ContactCriteria;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves that reading a contact or a page of contacts costs a fixed number of statements, never one per contact. */
class JpaQueryCountTest {

    private static final List<SortKey> ORDER = List.of(new SortKey("lastName", true), new SortKey("firstName", true),
            new SortKey("id", true));

    private H2Database db;
    private JpaContactRepository contacts;
    private UUID someId;

    @BeforeEach
    void seed() throws Exception {
        db = new H2Database().migrated();
        contacts = new JpaContactRepository(db.template(), db.counter.dataSource());
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
    void findingOneContactWithAllItsCollectionsTakesAtMostFiveStatements() {
        Contact contact = contacts.find(someId).orElseThrow();

        print("find by id", db.counter.statements());
        assertThat(contact.emails()).hasSize(2);
        assertThat(contact.tags()).hasSize(2);
        assertThat(db.counter.statements()).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void aPageOfTwentyCostsAsManyStatementsAsAPageOfTwo() {
        Page<Contact> small = contacts.search(new ContactCriteria(List.of(), null, null, null, ORDER, 0, 2));
        int smallCount = db.counter.statements().size();
        db.counter.reset();

        Page<Contact> page = contacts.search(new ContactCriteria(List.of(), null, null, null, ORDER, 0, 20));
        List<String> statements = db.counter.statements();

        print("page of 20", statements);
        assertThat(small.items()).hasSize(2);
        assertThat(page.items()).hasSize(20).allSatisfy(c -> assertThat(c.emails()).hasSize(2));
        assertThat(page.total()).isEqualTo(30);
        // count, the page's ids (ordered index only), the page's rows, one select per child table
        assertThat(statements).hasSize(smallCount).hasSizeLessThanOrEqualTo(7);
    }

    private static void print(String what, List<String> statements) {
        System.out.println("--- " + what + ": " + statements.size() + " statements");
        statements.forEach(sql -> System.out.println("    " + sql));
    }
}
