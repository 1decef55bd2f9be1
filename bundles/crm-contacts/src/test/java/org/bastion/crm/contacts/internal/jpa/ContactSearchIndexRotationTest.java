package org.bastion.crm.contacts.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.contacts.internal.ContactCriteria;
import org.bastion.crm.testing.FakeFieldCipher;
import org.bastion.crm.contacts.internal.PhoneNumbers;
import org.bastion.crm.contacts.internal.SearchWord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A rotation of the blind-index key moves every contact's tokens to the new version while searches keep working. */
class ContactSearchIndexRotationTest {

    private static final List<SortKey> BY_CREATION = List.of(new SortKey("createdAt", true), new SortKey("id", true));

    private final FakeFieldCipher cipher = new FakeFieldCipher();
    private H2Database db;
    private JpaContactRepository contacts;
    private ContactSearchIndex index;

    @BeforeEach
    void open() throws Exception {
        db = new H2Database().migrated();
        contacts = new JpaContactRepository(db.template(), db.dataSource, cipher);
        index = new ContactSearchIndex(db.template(), cipher);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void migratesInBatchesRetiresTheOldVersionAndSearchWorksBeforeDuringAndAfter() throws Exception {
        for (int i = 0; i < 5; i++) {
            contacts.insert(Samples.contact("Rota" + i, "Tion" + i, null));
        }
        // nothing searchable in the name: the contact is still counted and moved, never left behind
        Contact unnamed = contacts.insert(new Contact(UUID.randomUUID(), "—", null, null, null, List.of(), List.of(),
                List.of(), Set.of(), "o", null, null, Samples.NOW, Samples.NOW, 0));
        assertThat(index.countUsing(1)).isEqualTo(6);
        assertThat(searchTotal("rota")).isEqualTo(5);

        cipher.liveBlindIndexVersions(1, 2);
        assertThat(index.countOlderThan(2)).isEqualTo(6);
        assertThat(index.countUsing(2)).isZero();
        assertThat(searchTotal("rota")).as("before any batch").isEqualTo(5);

        assertThat(index.migrateBatch(2, 4)).isEqualTo(4);
        assertThat(index.countOlderThan(2)).isEqualTo(2);
        assertThat(searchTotal("rota")).as("half-way").isEqualTo(5);
        assertThat(searchTotal("tion3")).isEqualTo(1);
        contacts.insert(Samples.contact("Rotanew", "Written", null));
        assertThat(index.countOlderThan(2)).as("a contact written during the rotation gets both versions").isEqualTo(2);

        int moved;
        do {
            moved = index.migrateBatch(2, 4);
        } while (moved > 0);
        assertThat(index.countOlderThan(2)).isZero();
        assertThat(index.countUsing(2)).isEqualTo(7);
        assertThat(index.countUsing(1)).isEqualTo(7);

        cipher.liveBlindIndexVersions(2);
        index.retire(1);

        assertThat(index.countUsing(1)).isZero();
        assertThat(tokensOfVersion(1)).isZero();
        assertThat(searchTotal("rota")).as("after").isEqualTo(6);
        assertThat(searchTotal("rotanew written")).isEqualTo(1);
        assertThat(searchTotal("rota0@example.com")).isEqualTo(1);
        assertThat(contacts.find(unnamed.id())).isPresent();
    }

    @Test
    void aBatchKeepsTheContactsItMovesUnchangedAndFindableByEveryField() throws Exception {
        Contact stored = contacts.insert(Samples.contact("Ada", "Lovelace", null));
        cipher.liveBlindIndexVersions(1, 2);

        index.migrateBatch(2, 10);
        cipher.liveBlindIndexVersions(2);
        index.retire(1);

        assertThat(contacts.find(stored.id()).orElseThrow()).isEqualTo(stored);
        assertThat(searchTotal("lovel")).isEqualTo(1);
        assertThat(searchTotal(stored.emails().get(1).address())).isEqualTo(1);
        assertThat(searchTotal(stored.phones().get(0).number())).isEqualTo(1);
    }

    @Test
    void aContactWithoutAKeyIsMovedWithoutItsTermsSoTheRotationEnds() throws Exception {
        Contact shredded = contacts.insert(Samples.contact("Ada", "Lovelace", null));
        cipher.destroyRecordKey(ContactCodec.ref(shredded.id().toString()));
        cipher.liveBlindIndexVersions(1, 2);

        assertThat(index.migrateBatch(2, 10)).isEqualTo(1);

        assertThat(index.countOlderThan(2)).isZero();
        assertThat(index.migrateBatch(2, 10)).isZero();
    }

    private long searchTotal(String text) {
        return contacts.search(new ContactCriteria(SearchWord.parse(text, new PhoneNumbers(null)), null, null, null,
                BY_CREATION, 0, 20)).total();
    }

    private long tokensOfVersion(int version) throws Exception {
        try (Connection connection = db.dataSource.getConnection(); var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM crm_contact_search WHERE key_version = " + version)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
