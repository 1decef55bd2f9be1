package org.bastion.crm.contacts.internal.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import javax.sql.DataSource;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.crypto.FieldCipher;
import org.bastion.crm.api.crypto.RecordCipher;

/**
 * The read side of contacts: reads contacts and their child rows with plain JDBC on one pooled connection, outside
 * any JTA transaction and without an entity manager, and opens them with {@link ContactCodec}. A contact is one row
 * plus one select per child table and one batch of record keys, for one contact or a whole page alike. A contact
 * whose key is gone (crypto-shredded) reads as absent. Writes stay with JPA ({@link JpaContactRepository}); see
 * docs/adr/0003.
 */
final class ContactRows {

    private static final String SELECT = "SELECT " + ContactRow.COLUMNS + " FROM crm_contact WHERE id IN (%s)";

    private final DataSource dataSource;
    private final FieldCipher fieldCipher;

    ContactRows(DataSource dataSource, FieldCipher fieldCipher) {
        this.dataSource = dataSource;
        this.fieldCipher = fieldCipher;
    }

    /** The contact with this id, if it exists and its key does. */
    Optional<Contact> find(String id) {
        try (Connection connection = dataSource.getConnection()) {
            return inOrder(connection, List.of(id), null).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read contacts: " + e.getMessage(), e);
        }
    }

    /** The stored version of the contact, if there is such a row (nothing is decrypted). */
    OptionalLong version(String id) {
        try (Connection connection = dataSource.getConnection()) {
            List<Object[]> rows = JdbcRows.query(connection,
                    "SELECT id, row_version FROM crm_contact WHERE id = ?", List.of(id));
            return rows.isEmpty() ? OptionalLong.empty() : OptionalLong.of(((Number) rows.get(0)[1]).longValue());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read contacts: " + e.getMessage(), e);
        }
    }

    /**
     * The contacts with these ids, in the order of the ids; ids with no contact or no key are left out.
     *
     * @param ciphers the record ciphers already loaded for these ids, or null to load them in one batch
     * @throws org.bastion.crm.api.IntegrityException when a ciphertext fails its check
     */
    List<Contact> inOrder(Connection connection, List<String> ids, Map<String, RecordCipher> ciphers) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, ContactRow> rows = new LinkedHashMap<>();
        for (Object[] row : JdbcRows.in(connection, SELECT, ids)) {
            rows.put((String) row[0], ContactRow.of(row));
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, ChildRows.ContactChildren> children =
                ChildRows.ofContacts((sql, batch) -> JdbcRows.in(connection, sql, batch), rows.keySet());
        Map<String, RecordCipher> keys = ciphers != null ? ciphers
                : fieldCipher.recordCiphers(ContactCodec.KIND, rows.keySet());
        List<Contact> contacts = new ArrayList<>(rows.size());
        for (String id : ids) {
            ContactRow row = rows.get(id);
            RecordCipher cipher = keys.get(id);
            if (row != null && cipher != null) {
                try {
                    contacts.add(ContactCodec.open(row, children.get(id), cipher));
                } catch (NotFoundException keyGone) {
                    // deleted (or shredded) after its row was read: its key went with it, so it reads as absent,
                    // like a contact whose key was already gone, never as a 404 of the whole page
                }
            }
        }
        return contacts;
    }
}
