package org.bastion.crm.contacts.internal.jpa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;
import javax.persistence.Query;

/**
 * Reads the child rows (e-mails, phones, addresses, tags) of many contacts or companies at once: one portable SQL
 * select per child table for a whole page, whatever its size, instead of one per record. Contact rows come back as
 * stored, their personal fields still encrypted, for {@link ContactCodec} to open.
 */
final class ChildRows {

    /** What a contact holds besides its own row, as stored. */
    record ContactChildren(List<EmailRow> emails, List<PhoneRow> phones, List<AddressRow> addresses,
                           Set<String> tags) {

        static ContactChildren empty() {
            return new ContactChildren(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new TreeSet<>());
        }
    }

    private ChildRows() {
    }

    /** Runs one select whose {@code %s} stands for one placeholder per id, with the ids bound, and returns its rows. */
    @FunctionalInterface
    interface RowQuery {
        List<Object[]> rows(String sql, Collection<String> ids);
    }

    /** The children of each of the contacts, by contact id, read through the entity manager's connection. */
    static Map<String, ContactChildren> ofContacts(EntityManager em, Collection<String> ids) {
        return ofContacts((sql, batch) -> rows(em, sql, batch), ids);
    }

    /** The children of each of the contacts, by contact id (every id present, possibly with nothing in it). */
    static Map<String, ContactChildren> ofContacts(RowQuery query, Collection<String> ids) {
        Map<String, ContactChildren> result = new HashMap<>();
        ids.forEach(id -> result.put(id, ContactChildren.empty()));
        if (ids.isEmpty()) {
            return result;
        }
        for (Object[] row : query.rows("SELECT contact_id, email_type, address, is_primary FROM crm_contact_email"
                + " WHERE contact_id IN (%s) ORDER BY contact_id, seq", ids)) {
            result.get(row[0]).emails().add(new EmailRow((String) row[1], (String) row[2], Boolean.TRUE.equals(row[3])));
        }
        for (Object[] row : query.rows("SELECT contact_id, phone_type, phone_number FROM crm_contact_phone"
                + " WHERE contact_id IN (%s) ORDER BY contact_id, seq", ids)) {
            result.get(row[0]).phones().add(new PhoneRow((String) row[1], (String) row[2]));
        }
        for (Object[] row : query.rows("SELECT contact_id, address_type, street, city, region, postal_code, country"
                + " FROM crm_contact_address WHERE contact_id IN (%s) ORDER BY contact_id, seq", ids)) {
            result.get(row[0]).addresses().add(new AddressRow((String) row[1], (String) row[2], (String) row[3],
                    (String) row[4], (String) row[5], (String) row[6]));
        }
        for (Object[] row : query.rows("SELECT contact_id, tag FROM crm_contact_tag WHERE contact_id IN (%s)", ids)) {
            result.get(row[0]).tags().add((String) row[1]);
        }
        return result;
    }

    /** The tags of each of the companies, by company id (every id present). */
    static Map<String, Set<String>> tagsOfCompanies(EntityManager em, Collection<String> ids) {
        Map<String, Set<String>> result = new HashMap<>();
        ids.forEach(id -> result.put(id, new TreeSet<>()));
        if (!ids.isEmpty()) {
            for (Object[] row : rows(em, "SELECT company_id, tag FROM crm_company_tag WHERE company_id IN (%s)", ids)) {
                result.get(row[0]).add((String) row[1]);
            }
        }
        return result;
    }

    /** Runs {@code sql}, its {@code %s} replaced by one placeholder per id, with the ids bound. */
    @SuppressWarnings("unchecked")
    static List<Object[]> rows(EntityManager em, String sql, Collection<?> ids) {
        Query query = em.createNativeQuery(String.format(sql, placeholders(ids.size())));
        int position = 1;
        for (Object id : ids) {
            query.setParameter(position++, id);
        }
        return query.getResultList();
    }

    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
