package org.bastion.crm.contacts.internal.jpa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.bastion.crm.api.contacts.EmailAddress;
import org.bastion.crm.api.contacts.PhoneNumber;
import org.bastion.crm.api.crypto.BlindToken;
import org.bastion.crm.api.crypto.FieldCipher;
import org.bastion.crm.api.crypto.RecordCipher;
import org.bastion.crm.contacts.internal.ContactIndexTerms;

/**
 * The blind index of contacts ({@code crm_contact_search}): for every live blind-index key version, one token per
 * term of {@link ContactIndexTerms} and one presence token marking the contact as indexed under that version (so a
 * contact with nothing searchable is still counted as moved by a rotation). Tokens are written in the transaction
 * that writes the contact, after its row, so that the row lock orders concurrent writers; a key rotation moves them
 * to a new version in batches, reading each contact under the same lock.
 */
public final class ContactSearchIndex {

    /** The domain of the presence token. */
    static final String INDEXED = "contact.indexed";

    private static final String INDEXED_TERM = "contact";
    private static final int ROWS_PER_INSERT = 500;
    private static final String WITHOUT_VERSION = " FROM crm_contact c WHERE NOT EXISTS (SELECT 1 FROM crm_contact_search s"
            + " WHERE s.contact_id = c.id AND s.key_version = ?)";

    private final JpaTemplate jpa;
    private final FieldCipher fieldCipher;

    public ContactSearchIndex(JpaTemplate jpa, FieldCipher fieldCipher) {
        this.jpa = jpa;
        this.fieldCipher = fieldCipher;
    }

    /** The token values that stand for a normalised term of a domain, one per live key version. */
    List<Long> lookup(String domain, String term) {
        return fieldCipher.blindTokens(domain, term).stream().map(BlindToken::value).distinct().toList();
    }

    /**
     * Writes the tokens of a contact's terms for every live version, in the caller's transaction.
     *
     * @param replacing whether the contact may have tokens already (which are deleted first)
     */
    void write(EntityManager em, String id, Map<String, Set<String>> terms, boolean replacing) {
        if (replacing) {
            deleteTokens(em, List.of(id));
        }
        insert(em, Map.of(id, tokens(terms)));
    }

    /** How many contacts have no token of {@code version}. */
    public long countOlderThan(int version) {
        return jpa.txExpr(TransactionType.Supports, em -> number(em.createNativeQuery("SELECT COUNT(*)" + WITHOUT_VERSION)
                .setParameter(1, version).getSingleResult()));
    }

    /** How many contacts have tokens of {@code version}. */
    public long countUsing(int version) {
        return jpa.txExpr(TransactionType.Supports, em -> number(em.createNativeQuery(
                "SELECT COUNT(DISTINCT contact_id) FROM crm_contact_search WHERE key_version = ?")
                .setParameter(1, version).getSingleResult()));
    }

    /**
     * Rewrites the tokens of up to {@code batchSize} contacts without a token of {@code version} for every live
     * version, in one transaction; each contact's row is locked before it is read, so a concurrent change either
     * waits for the batch or is seen by it.
     *
     * @return how many contacts were taken; 0 when none is left
     */
    public int migrateBatch(int version, int batchSize) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<String> ids = new ArrayList<>();
            for (Object id : em.createNativeQuery("SELECT c.id" + WITHOUT_VERSION + " ORDER BY c.id FETCH FIRST ? ROWS ONLY")
                    .setParameter(1, version).setParameter(2, batchSize).getResultList()) {
                ids.add((String) id);
            }
            if (ids.isEmpty()) {
                return 0;
            }
            Query lock = em.createNativeQuery("UPDATE crm_contact SET row_version = row_version WHERE id IN ("
                    + ChildRows.placeholders(ids.size()) + ")");
            for (int i = 0; i < ids.size(); i++) {
                lock.setParameter(i + 1, ids.get(i));
            }
            lock.executeUpdate();
            Map<String, Set<BlindToken>> tokens = new LinkedHashMap<>();
            termsOf(em, ids).forEach((id, terms) -> tokens.put(id, tokens(terms)));
            if (!tokens.isEmpty()) {
                deleteTokens(em, tokens.keySet());
                insert(em, tokens);
            }
            return ids.size();
        });
    }

    /** Deletes every token of {@code version}. */
    public void retire(int version) {
        jpa.tx(TransactionType.Required, em -> em.createNativeQuery("DELETE FROM crm_contact_search WHERE key_version = ?")
                .setParameter(1, version).executeUpdate());
    }

    /** The searchable terms of the contacts that still exist, decrypted; none but presence for a contact without key. */
    private Map<String, Map<String, Set<String>>> termsOf(EntityManager em, List<String> ids) {
        Map<String, Object[]> names = new LinkedHashMap<>();
        for (Object[] row : ChildRows.rows(em, "SELECT id, first_name, last_name FROM crm_contact WHERE id IN (%s)", ids)) {
            names.put((String) row[0], row);
        }
        Map<String, ChildRows.ContactChildren> children = ChildRows.ofContacts(em, names.keySet());
        Map<String, RecordCipher> ciphers = names.isEmpty() ? Map.of()
                : fieldCipher.recordCiphers(ContactCodec.KIND, names.keySet());
        Map<String, Map<String, Set<String>>> terms = new LinkedHashMap<>();
        names.forEach((id, row) -> {
            RecordCipher cipher = ciphers.get(id);
            terms.put(id, cipher == null ? Map.of() : ContactIndexTerms.of(
                    cipher.decrypt(ContactCodec.FIRST_NAME, (String) row[1]),
                    cipher.decrypt(ContactCodec.LAST_NAME, (String) row[2]),
                    ContactCodec.emails(children.get(id).emails(), cipher).stream().map(EmailAddress::address).toList(),
                    ContactCodec.phones(children.get(id).phones(), cipher).stream().map(PhoneNumber::number).toList()));
        });
        return terms;
    }

    private Set<BlindToken> tokens(Map<String, Set<String>> terms) {
        Set<BlindToken> tokens = new LinkedHashSet<>(fieldCipher.blindTokens(INDEXED, INDEXED_TERM));
        terms.forEach((domain, domainTerms) -> domainTerms.forEach(term -> tokens.addAll(fieldCipher.blindTokens(domain, term))));
        return tokens;
    }

    private static void deleteTokens(EntityManager em, Collection<String> ids) {
        Query delete = em.createNativeQuery("DELETE FROM crm_contact_search WHERE contact_id IN ("
                + ChildRows.placeholders(ids.size()) + ")");
        int position = 1;
        for (String id : ids) {
            delete.setParameter(position++, id);
        }
        delete.executeUpdate();
    }

    /** Inserts the tokens, many rows per statement. */
    private static void insert(EntityManager em, Map<String, Set<BlindToken>> tokens) {
        List<Object[]> rows = new ArrayList<>();
        tokens.forEach((id, set) -> set.forEach(token -> rows.add(new Object[] {id, token.keyVersion(), token.value()})));
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            Query insert = em.createNativeQuery("INSERT INTO crm_contact_search (contact_id, key_version, token) VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?)")));
            int position = 1;
            for (Object[] row : chunk) {
                for (Object value : row) {
                    insert.setParameter(position++, value);
                }
            }
            insert.executeUpdate();
        }
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
