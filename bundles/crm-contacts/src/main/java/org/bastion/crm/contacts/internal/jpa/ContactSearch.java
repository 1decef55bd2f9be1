package org.bastion.crm.contacts.internal.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.text.CollationKey;
import java.text.Collator;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.crypto.FieldCipher;
import org.bastion.crm.api.crypto.RecordCipher;
import org.bastion.crm.contacts.internal.ContactCriteria;
import org.bastion.crm.contacts.internal.SearchWord;

/**
 * Contact searches with plain JDBC on one connection: the filter (tag, company, owner, the owners the caller's read
 * scope reaches, and each search word through the blind index) runs in the database, so totals and pages are exact. Orders by timestamps and id run in the
 * database on their indexes; an order by an encrypted name decrypts the names of every match and sorts them in
 * memory, which is refused when more than the criteria's limit match. The page's contacts are then read by
 * {@link ContactRows}.
 */
final class ContactSearch {

    private static final Map<String, String> SORT_COLUMNS = Map.of("createdAt", "c.created_at", "updatedAt",
            "c.updated_at", "id", "c.id");

    private final DataSource dataSource;
    private final ContactRows rows;
    private final ContactSearchIndex index;
    private final FieldCipher fieldCipher;
    private final OwnerCounts ownerCounts;

    ContactSearch(DataSource dataSource, ContactRows rows, ContactSearchIndex index, FieldCipher fieldCipher,
                  OwnerCounts ownerCounts) {
        this.dataSource = dataSource;
        this.rows = rows;
        this.index = index;
        this.fieldCipher = fieldCipher;
        this.ownerCounts = ownerCounts;
    }

    /**
     * One page of the matching contacts with the total.
     *
     * @throws ValidationException on field {@code sort} when the order names a name and too many contacts match
     */
    Page<Contact> search(ContactCriteria criteria) {
        SqlFilter filter = filterFor(criteria);
        try (Connection connection = dataSource.getConnection()) {
            long total = onlyScoped(criteria) ? ownerCounts.total(connection, criteria.owners())
                    : ((Number) JdbcRows.query(connection, "SELECT COUNT(*) FROM crm_contact c" + filter.where(),
                    filter.values()).get(0)[0]).longValue();
            if (criteria.sortsByName() && total > criteria.nameSortLimit()) {
                throw ValidationException.of("sort", "sorting by name needs a narrower search: "
                        + criteria.nameSortLimit() + " or fewer contacts may match, " + total + " do");
            }
            if (total <= criteria.offset() || criteria.offset() > Integer.MAX_VALUE) {
                return new Page<>(List.of(), total, criteria.page(), criteria.size());
            }
            List<Contact> items = criteria.sortsByName() ? sortedByName(connection, filter, criteria)
                    : rows.inOrder(connection, pageIds(connection, filter, criteria, total), null);
            return new Page<>(items, total, criteria.page(), criteria.size());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot search contacts: " + e.getMessage(), e);
        }
    }

    /** Whether the search narrows by the caller's scope alone, so that its total is the owners' remembered counts. */
    private static boolean onlyScoped(ContactCriteria criteria) {
        return criteria.owners() != null && criteria.words().isEmpty() && criteria.tag() == null
                && criteria.companyId() == null && criteria.owner() == null;
    }

    private SqlFilter filterFor(ContactCriteria criteria) {
        SqlFilter filter = new SqlFilter();
        if (criteria.tag() != null) {
            filter.require("c.id IN (SELECT t.contact_id FROM crm_contact_tag t WHERE t.tag = ?)", criteria.tag());
        }
        if (criteria.companyId() != null) {
            filter.require("c.company_id = ?", criteria.companyId().toString());
        }
        if (criteria.owner() != null) {
            filter.require("c.owner_id = ?", criteria.owner());
        }
        if (criteria.owners() != null) {
            filter.requireIn("c.owner_id IN (%s)", List.copyOf(criteria.owners()));
        }
        for (SearchWord word : criteria.words()) {
            for (String term : word.terms()) {
                filter.requireIn("c.id IN (SELECT s.contact_id FROM crm_contact_search s WHERE s.token IN (%s))",
                        index.lookup(word.domain(), term));
            }
        }
        return filter;
    }

    /**
     * The ids of the page, picked with the ordered index without reading the rows it skips. A page in the back half
     * of the list is read by walking the order backwards from the end: the index then skips at most half the list.
     * Orders are total (id last, see SortRules), so the reversed walk yields exactly the same page.
     */
    private static List<String> pageIds(Connection connection, SqlFilter filter, ContactCriteria criteria, long total) {
        long offset = criteria.offset();
        long end = Math.min(total, offset + criteria.size());
        boolean fromEnd = offset > total - end;
        List<SortKey> order = fromEnd ? reversed(criteria.order()) : criteria.order();
        List<Object> values = new ArrayList<>(filter.values());
        values.add(fromEnd ? total - end : offset);
        values.add(end - offset);
        List<String> ids = new ArrayList<>();
        for (Object[] row : JdbcRows.query(connection, "SELECT c.id FROM crm_contact c" + filter.where()
                + ownerFirst(criteria, order) + orderBy(order).substring(" ORDER BY ".length())
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", values)) {
            ids.add((String) row[0]);
        }
        if (fromEnd) {
            Collections.reverse(ids);
        }
        return ids;
    }

    /** The page of an order naming a name: every match's names decrypted (keys loaded in one batch), sorted here. */
    private List<Contact> sortedByName(Connection connection, SqlFilter filter, ContactCriteria criteria) {
        List<Object[]> matches = JdbcRows.query(connection, "SELECT c.id, c.first_name, c.last_name, c.created_at,"
                + " c.updated_at FROM crm_contact c" + filter.where(), filter.values());
        Map<String, RecordCipher> ciphers = fieldCipher.recordCiphers(ContactCodec.KIND,
                matches.stream().map(row -> (String) row[0]).toList());
        boolean byFirst = criteria.order().stream().anyMatch(key -> key.field().equals("firstName"));
        boolean byLast = criteria.order().stream().anyMatch(key -> key.field().equals("lastName"));
        Collator collator = Collator.getInstance(Locale.ROOT);
        List<SortRow> sortRows = new ArrayList<>(matches.size());
        for (Object[] row : matches) {
            RecordCipher cipher = ciphers.get((String) row[0]);
            if (cipher != null) {
                sortRows.add(new SortRow((String) row[0],
                        byFirst ? key(collator, cipher.decrypt(ContactCodec.FIRST_NAME, (String) row[1])) : null,
                        byLast ? key(collator, cipher.decrypt(ContactCodec.LAST_NAME, (String) row[2])) : null,
                        (LocalDateTime) row[3], (LocalDateTime) row[4]));
            }
        }
        sortRows.sort(comparator(criteria.order()));
        int from = (int) Math.min(criteria.offset(), sortRows.size());
        List<String> pageIds = sortRows.subList(from, Math.min(sortRows.size(), from + criteria.size())).stream()
                .map(SortRow::id).toList();
        return rows.inOrder(connection, pageIds, ciphers);
    }

    /** What an in-memory sort compares: the collation keys of the names it sorts by, the timestamps and the id. */
    private record SortRow(String id, CollationKey firstName, CollationKey lastName, LocalDateTime createdAt,
                           LocalDateTime updatedAt) {
    }

    private static CollationKey key(Collator collator, String name) {
        return collator.getCollationKey(name == null ? "" : name);
    }

    private static Comparator<SortRow> comparator(List<SortKey> order) {
        Comparator<SortRow> result = null;
        for (SortKey key : order) {
            Comparator<SortRow> one = switch (key.field()) {
                case "firstName" -> Comparator.comparing(SortRow::firstName);
                case "lastName" -> Comparator.comparing(SortRow::lastName);
                case "createdAt" -> Comparator.comparing(SortRow::createdAt);
                case "updatedAt" -> Comparator.comparing(SortRow::updatedAt);
                default -> Comparator.comparing(SortRow::id);
            };
            one = key.ascending() ? one : one.reversed();
            result = result == null ? one : result.thenComparing(one);
        }
        return result == null ? Comparator.comparing(SortRow::id) : result;
    }

    /**
     * {@code ORDER BY}, led by the owner column when a single owner is asked for (an own-scoped caller, a team of one,
     * or an {@code owner} filter): the owner is then constant, so the order is the same, but the database can walk the
     * {@code (owner_id, created_at, id)} index in order instead of sorting every row of the owner (V3 migration).
     */
    private static String ownerFirst(ContactCriteria criteria, List<SortKey> order) {
        boolean singleOwner = criteria.owner() != null || criteria.owners() != null && criteria.owners().size() == 1;
        if (!singleOwner || order.isEmpty()) {
            return " ORDER BY ";
        }
        return " ORDER BY c.owner_id" + (order.get(0).ascending() ? " ASC, " : " DESC, ");
    }

    private static String orderBy(List<SortKey> order) {
        return " ORDER BY " + order.stream().map(key -> SORT_COLUMNS.get(key.field()) + (key.ascending() ? " ASC" : " DESC"))
                .collect(Collectors.joining(", "));
    }

    private static List<SortKey> reversed(List<SortKey> order) {
        return order.stream().map(key -> new SortKey(key.field(), !key.ascending())).toList();
    }
}
