package org.bastion.crm.contacts.internal.jpa;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.IntegrityException;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.EmailAddress;
import org.bastion.crm.api.contacts.PhoneNumber;
import org.bastion.crm.api.contacts.PostalAddress;
import org.bastion.crm.api.crypto.RecordCipher;
import org.bastion.crm.api.crypto.RecordRef;

/**
 * Maps a contact to its stored form and back, sealing every personal field with the contact's own record key and
 * opening it again: the one codec both read paths (JDBC lists and reads, the JPA update transaction) and the writes
 * share (ADR 3), and the one place naming the fields a ciphertext is bound to. Labels, the primary flag, tags,
 * owner, company, timestamps and version stay plaintext; absent values stay null.
 */
final class ContactCodec {

    /** The record kind of contacts' keys. */
    static final String KIND = "contact";

    /** The field names each ciphertext is bound to (associated data, with the kind and the contact id). */
    static final String FIRST_NAME = "firstName";
    static final String LAST_NAME = "lastName";
    static final String TITLE = "title";
    static final String NOTES = "notes";
    static final String BIRTHDAY = "birthday";
    static final String EMAIL_ADDRESS = "emails.address";
    static final String PHONE_NUMBER = "phones.number";
    static final String STREET = "addresses.street";
    static final String CITY = "addresses.city";
    static final String REGION = "addresses.region";
    static final String POSTAL_CODE = "addresses.postalCode";
    static final String COUNTRY = "addresses.country";

    /** The components of {@link Contact} this codec encrypts: every one tagged personal (a test holds them equal). */
    static final Set<String> SEALED_COMPONENTS = Set.of("firstName", "lastName", "title", "emails", "phones",
            "addresses", "notes", "birthday");

    private ContactCodec() {
    }

    /** The record whose key seals the contact with this id. */
    static RecordRef ref(String id) {
        return new RecordRef(KIND, id);
    }

    /** Writes every field of the contact but id, creation time and version into the entity, sealed afresh. */
    static void seal(Contact c, ContactEntity e, RecordCipher cipher) {
        e.setFirstName(cipher.encrypt(FIRST_NAME, c.firstName()));
        e.setLastName(cipher.encrypt(LAST_NAME, c.lastName()));
        e.setTitle(cipher.encrypt(TITLE, c.title()));
        e.setCompanyId(c.companyId() == null ? null : c.companyId().toString());
        e.setOwner(c.owner());
        e.setNotes(cipher.encrypt(NOTES, c.notes()));
        e.setBirthday(cipher.encrypt(BIRTHDAY, c.birthday() == null ? null : c.birthday().toString()));
        e.setUpdatedAt(EntityMapping.toUtc(c.updatedAt()));
        e.setEmails(c.emails().stream()
                .map(m -> new EmailRow(m.type(), cipher.encrypt(EMAIL_ADDRESS, m.address()), m.primary())).toList());
        e.setPhones(c.phones().stream().map(p -> new PhoneRow(p.type(), cipher.encrypt(PHONE_NUMBER, p.number()))).toList());
        e.setAddresses(c.addresses().stream().map(a -> new AddressRow(a.type(), cipher.encrypt(STREET, a.street()),
                cipher.encrypt(CITY, a.city()), cipher.encrypt(REGION, a.region()),
                cipher.encrypt(POSTAL_CODE, a.postalCode()), cipher.encrypt(COUNTRY, a.country()))).toList());
        e.setTags(c.tags());
    }

    /**
     * The contact a stored row and its children hold.
     *
     * @throws IntegrityException when a ciphertext fails its check
     */
    static Contact open(ContactRow row, ChildRows.ContactChildren children, RecordCipher cipher) {
        return new Contact(UUID.fromString(row.id()), cipher.decrypt(FIRST_NAME, row.firstName()),
                cipher.decrypt(LAST_NAME, row.lastName()), cipher.decrypt(TITLE, row.title()),
                row.companyId() == null ? null : UUID.fromString(row.companyId()), emails(children.emails(), cipher),
                phones(children.phones(), cipher), addresses(children.addresses(), cipher), children.tags(), row.owner(),
                cipher.decrypt(NOTES, row.notes()), birthday(row, cipher), row.createdAt().toInstant(ZoneOffset.UTC),
                row.updatedAt().toInstant(ZoneOffset.UTC), row.version());
    }

    /** The e-mail addresses of stored rows. */
    static List<EmailAddress> emails(List<EmailRow> rows, RecordCipher cipher) {
        return rows.stream().map(r -> new EmailAddress(r.getType(), cipher.decrypt(EMAIL_ADDRESS, r.getAddress()),
                r.isPrimary())).toList();
    }

    /** The phone numbers of stored rows. */
    static List<PhoneNumber> phones(List<PhoneRow> rows, RecordCipher cipher) {
        return rows.stream().map(r -> new PhoneNumber(r.getType(), cipher.decrypt(PHONE_NUMBER, r.getNumber()))).toList();
    }

    private static List<PostalAddress> addresses(List<AddressRow> rows, RecordCipher cipher) {
        return rows.stream().map(r -> new PostalAddress(r.getType(), cipher.decrypt(STREET, r.getStreet()),
                cipher.decrypt(CITY, r.getCity()), cipher.decrypt(REGION, r.getRegion()),
                cipher.decrypt(POSTAL_CODE, r.getPostalCode()), cipher.decrypt(COUNTRY, r.getCountry()))).toList();
    }

    private static LocalDate birthday(ContactRow row, RecordCipher cipher) {
        String iso = cipher.decrypt(BIRTHDAY, row.birthday());
        try {
            return iso == null ? null : LocalDate.parse(iso);
        } catch (DateTimeParseException e) {
            throw new IntegrityException("the birthday of " + ref(row.id()) + " decrypts to no ISO date");
        }
    }
}
