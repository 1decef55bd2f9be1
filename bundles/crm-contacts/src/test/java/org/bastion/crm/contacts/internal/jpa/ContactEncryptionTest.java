package org.bastion.crm.contacts.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.IntegrityException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.EmailAddress;
import org.bastion.crm.api.contacts.PhoneNumber;
import org.bastion.crm.api.contacts.PostalAddress;
import org.bastion.crm.api.crypto.FieldTag;
import org.bastion.crm.api.crypto.FieldTags;
import org.bastion.crm.api.crypto.KeysLockedException;
import org.bastion.crm.contacts.internal.ContactCriteria;
import org.bastion.crm.testing.FakeFieldCipher;
import org.mockito.Mockito;
import org.bastion.crm.api.crypto.FieldCipher;
import org.bastion.crm.api.crypto.RecordCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every personal field of a contact reaches the database encrypted under the contact's own key, and only there. */
class ContactEncryptionTest {

    private static final List<SortKey> BY_CREATION = List.of(new SortKey("createdAt", true), new SortKey("id", true));

    private final FakeFieldCipher cipher = new FakeFieldCipher();
    private H2Database db;
    private JpaContactRepository contacts;

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
    void everyPersonalComponentOfAContactIsSealedByTheCodec() {
        assertThat(ContactCodec.SEALED_COMPONENTS)
                .containsExactlyInAnyOrderElementsOf(FieldTags.fieldsTagged(Contact.class, FieldTag.PERSONAL));
    }

    @Test
    void everyFieldRoundTripsThroughTheEncryptedStoreOnInsertAndUpdate() {
        Contact marked = marked("Q7");
        contacts.insert(marked);
        assertThat(contacts.find(marked.id()).orElseThrow()).usingRecursiveComparison().ignoringFields("version")
                .isEqualTo(marked);

        Contact remarked = withId(marked("Z3"), marked.id());
        Contact updated = contacts.update(marked.id(), current -> remarked).orElseThrow();

        assertThat(updated).usingRecursiveComparison().ignoringFields("version").isEqualTo(remarked);
        assertThat(contacts.find(marked.id()).orElseThrow()).usingRecursiveComparison().ignoringFields("version")
                .isEqualTo(remarked);
        assertThat(contacts.search(new ContactCriteria(List.of(), null, null, null, BY_CREATION, 0, 5)).items())
                .singleElement().usingRecursiveComparison().ignoringFields("version").isEqualTo(remarked);
    }

    @Test
    void valuesOfMaximumLengthInThreeByteCharactersFitTheirColumns() {
        String euro = "\u20ac";
        Contact longest = new Contact(UUID.randomUUID(), euro.repeat(100), euro.repeat(100), euro.repeat(100), null,
                List.of(new EmailAddress("w", "x".repeat(61) + "@" + "a".repeat(60) + "." + "b".repeat(60) + "."
                        + "c".repeat(60) + ".ddddd.com", true)),
                List.of(new PhoneNumber("m", "+123456789012345")),
                List.of(new PostalAddress("h", euro.repeat(300), euro.repeat(100), euro.repeat(100), euro.repeat(20), "DE")),
                Set.of(), "o", euro.repeat(10_000), LocalDate.of(-999_999_999, 1, 1), Samples.NOW, Samples.NOW, 0);

        contacts.insert(longest);

        assertThat(contacts.find(longest.id()).orElseThrow()).usingRecursiveComparison().ignoringFields("version")
                .isEqualTo(longest);
    }

    @Test
    void theRawRowsHoldNoneOfThePersonalValuesButTheLabelsStayPlain() throws Exception {
        Contact first = contacts.insert(marked("Q7"));
        contacts.update(first.id(), current -> withId(marked("Z3"), first.id()));
        contacts.insert(marked("K5"));

        List<String> stored = everyTextValueInTheDatabase();

        for (String suffix : List.of("Q7", "Z3", "K5")) {
            for (String marker : markers(suffix)) {
                assertThat(stored).as("marker " + marker).noneMatch(value -> value.contains(marker.toLowerCase(Locale.ROOT)));
            }
            // a country code is too short to be unique inside other values: it must not be stored as a value
            assertThat(stored).doesNotContain(country(suffix).toLowerCase(Locale.ROOT));
        }
        // the scan does see plaintext: the labels and the owner are stored as they are
        assertThat(stored).contains("labelk5", "ownerk5");
    }

    @Test
    void anUpdateSealsEveryFieldAfreshEvenWhenItsValueIsUnchanged() throws Exception {
        Contact stored = contacts.insert(marked("Q7"));
        String before = column("SELECT first_name FROM crm_contact");

        contacts.update(stored.id(), current -> current);

        assertThat(column("SELECT first_name FROM crm_contact")).isNotEqualTo(before);
        assertThat(contacts.find(stored.id()).orElseThrow().firstName()).isEqualTo(stored.firstName());
    }

    @Test
    void eachContactGetsItsOwnKeyAndDeletingTheContactDestroysIt() {
        Contact kept = contacts.insert(marked("Q7"));
        Contact deleted = contacts.insert(marked("Z3"));
        assertThat(cipher.hasKey(ContactCodec.ref(deleted.id().toString()))).isTrue();

        assertThatThrownBy(() -> contacts.delete(deleted.id(), current -> {
            throw new ConflictException("refused");
        })).isInstanceOf(ConflictException.class);
        assertThat(cipher.hasKey(ContactCodec.ref(deleted.id().toString()))).as("a refused delete keeps the key").isTrue();

        contacts.delete(deleted.id(), current -> { });

        assertThat(cipher.hasKey(ContactCodec.ref(deleted.id().toString()))).isFalse();
        assertThat(cipher.hasKey(ContactCodec.ref(kept.id().toString()))).isTrue();
        assertThat(contacts.find(kept.id())).isPresent();
    }

    @Test
    void aContactWhoseKeyIsGoneReadsAsNotFound() {
        Contact shredded = contacts.insert(marked("Q7"));
        Contact kept = contacts.insert(marked("Z3"));

        cipher.destroyRecordKey(ContactCodec.ref(shredded.id().toString()));

        assertThat(contacts.find(shredded.id())).isEmpty();
        assertThatThrownBy(() -> contacts.update(shredded.id(), current -> current))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e).hasMessageContaining("contact "));
        assertThat(contacts.search(new ContactCriteria(List.of(), null, null, null, BY_CREATION, 0, 5)).items())
                .extracting(Contact::id).containsExactly(kept.id());
    }

    @Test
    void aContactDeletedWhileAPageIsReadIsLeftOutOfThePageRatherThanFailingIt() {
        Contact vanishing = contacts.insert(marked("Q7"));
        Contact kept = contacts.insert(marked("Z3"));
        String vanishingId = vanishing.id().toString();
        // the keys were fetched for the page, then the contact was deleted and its key with it before it was opened
        FieldCipher racing = Mockito.spy(cipher);
        RecordCipher keyGone = Mockito.mock(RecordCipher.class, invocation -> {
            throw new NotFoundException("record key", ContactCodec.ref(vanishingId));
        });
        Mockito.doAnswer(invocation -> {
            @SuppressWarnings("unchecked")
            Map<String, RecordCipher> loaded = new HashMap<>((Map<String, RecordCipher>) invocation.callRealMethod());
            loaded.put(vanishingId, keyGone);
            return loaded;
        }).when(racing).recordCiphers(Mockito.anyString(), Mockito.anyCollection());
        JpaContactRepository reading = new JpaContactRepository(db.template(), db.dataSource, racing);

        assertThat(reading.search(new ContactCriteria(List.of(), null, null, null, BY_CREATION, 0, 5)).items())
                .extracting(Contact::id).containsExactly(kept.id());
        assertThat(reading.find(vanishing.id())).isEmpty();
    }

    @Test
    void aCiphertextMovedToAnotherContactOrFieldFailsItsIntegrityCheck() throws Exception {
        Contact victim = contacts.insert(marked("Q7"));
        Contact other = contacts.insert(marked("Z3"));

        execute("UPDATE crm_contact SET first_name = (SELECT first_name FROM crm_contact WHERE id = '" + other.id()
                + "') WHERE id = '" + victim.id() + "'");

        assertThatThrownBy(() -> contacts.find(victim.id())).isInstanceOf(IntegrityException.class);
        assertThatThrownBy(() -> contacts.search(new ContactCriteria(List.of(), null, null, null, BY_CREATION, 0, 5)))
                .isInstanceOf(IntegrityException.class);
        assertThatThrownBy(() -> contacts.update(victim.id(), current -> current)).isInstanceOf(IntegrityException.class);

        execute("UPDATE crm_contact SET title = last_name WHERE id = '" + other.id() + "'");
        assertThatThrownBy(() -> contacts.find(other.id())).isInstanceOf(IntegrityException.class);
    }

    @Test
    void lockedKeysAreReportedAndNothingIsStoredWithoutThem() throws Exception {
        Contact stored = contacts.insert(marked("Q7"));
        cipher.locked(true);

        assertThatThrownBy(() -> contacts.find(stored.id())).isInstanceOf(KeysLockedException.class);
        assertThatThrownBy(() -> contacts.insert(marked("Z3"))).isInstanceOf(KeysLockedException.class);
        assertThatThrownBy(() -> contacts.delete(stored.id(), current -> { })).isInstanceOf(KeysLockedException.class);

        cipher.locked(false);
        assertThat(contacts.count(null)).isEqualTo(1);
        assertThat(contacts.find(stored.id())).isPresent();
    }

    /** A contact with a unique marker in every personal field (the birthday's year is the marker there). */
    private static Contact marked(String suffix) {
        List<String> m = markers(suffix);
        int year = 1900 + Math.abs(suffix.hashCode() % 100);
        return new Contact(UUID.randomUUID(), m.get(0), m.get(1), m.get(2), null,
                List.of(new EmailAddress("label" + suffix, m.get(3) + "@example.com", true)),
                List.of(new PhoneNumber("label" + suffix, m.get(4))),
                List.of(new PostalAddress("label" + suffix, m.get(5), m.get(6), m.get(7), m.get(8), country(suffix))),
                Set.of("tag" + suffix.toLowerCase(Locale.ROOT)), "owner" + suffix, m.get(9),
                LocalDate.of(year, 6, 5), Samples.NOW, Samples.NOW, 0);
    }

    private static List<String> markers(String suffix) {
        int digits = Math.abs(suffix.hashCode()) % 1000;
        return List.of("Firstmk" + suffix, "Lastmk" + suffix, "Titlemk" + suffix, "mailmk" + suffix,
                "+49157" + String.format("%03d", digits) + "4477", "Streetmk" + suffix, "Citymk" + suffix,
                "Regionmk" + suffix, "PCmk" + suffix, "Notesmk" + suffix,
                (1900 + Math.abs(suffix.hashCode() % 100)) + "-06-05");
    }

    private static String country(String suffix) {
        return "X" + suffix.charAt(0);
    }

    private static Contact withId(Contact c, UUID id) {
        return new Contact(id, c.firstName(), c.lastName(), c.title(), c.companyId(), c.emails(), c.phones(),
                c.addresses(), c.tags(), c.owner(), c.notes(), c.birthday(), c.createdAt(), c.updatedAt(), c.version());
    }

    /** Every value of every character or date column of every table, as lower-case text. */
    private List<String> everyTextValueInTheDatabase() throws Exception {
        List<String[]> columns = new ArrayList<>();
        try (Connection connection = db.dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                     + " WHERE UPPER(TABLE_SCHEMA) = 'PUBLIC' AND UPPER(DATA_TYPE) IN ('CHARACTER VARYING', 'CHARACTER',"
                     + " 'CHARACTER LARGE OBJECT', 'TEXT', 'DATE')")) {
            while (rows.next()) {
                columns.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        assertThat(columns).extracting(c -> c[0].toLowerCase(Locale.ROOT))
                .contains("crm_contact", "crm_contact_email", "crm_contact_phone", "crm_contact_address");
        List<String> values = new ArrayList<>();
        try (Connection connection = db.dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String[] column : columns) {
                try (ResultSet rows = statement.executeQuery("SELECT \"" + column[1] + "\" FROM \"" + column[0] + "\"")) {
                    while (rows.next()) {
                        String value = rows.getString(1);
                        if (value != null) {
                            values.add(value.toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        return values;
    }

    private String column(String sql) throws Exception {
        try (Connection connection = db.dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = db.dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
