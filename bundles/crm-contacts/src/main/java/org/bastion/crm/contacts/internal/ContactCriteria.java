package org.bastion.crm.contacts.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.SortKey;

/**
 * A validated contact search: every criterion given narrows the result; {@code order} always ends with {@code id}.
 *
 * @param words words each of which must match (see {@link SearchWord}): a name word or prefix, a whole e-mail address
 *              or a whole phone number
 * @param tag a tag the contact must carry (lower case), or null
 * @param companyId the company, or null
 * @param owner the owner, or null
 * @param order sort keys on known fields
 * @param page zero-based page
 * @param size page size
 * @param nameSortLimit the most contacts a search sorted by an encrypted name may match (it is sorted in memory)
 * @param owners the owners the caller's read scope reaches, or null when it reaches every contact; the query (its
 *               total included) is limited to them, an empty set matching nothing
 */
public record ContactCriteria(List<SearchWord> words, String tag, UUID companyId, String owner, List<SortKey> order,
                              int page, int size, int nameSortLimit, Set<String> owners) {

    /** The sort fields whose values are encrypted, so that a list sorted by them is sorted in memory. */
    public static final Set<String> NAME_FIELDS = Set.of("firstName", "lastName");

    public ContactCriteria {
        words = List.copyOf(words);
        order = List.copyOf(order);
        owners = owners == null ? null : Set.copyOf(owners);
    }

    /** A search reaching every owner. */
    public ContactCriteria(List<SearchWord> words, String tag, UUID companyId, String owner, List<SortKey> order,
                           int page, int size, int nameSortLimit) {
        this(words, tag, companyId, owner, order, page, size, nameSortLimit, null);
    }

    /** A search reaching every owner, with the default limit for sorting by name. */
    public ContactCriteria(List<SearchWord> words, String tag, UUID companyId, String owner, List<SortKey> order,
                           int page, int size) {
        this(words, tag, companyId, owner, order, page, size, ContactsConfiguration.DEFAULT_NAME_SORT_LIMIT);
    }

    /** The offset of the first item of the page. */
    public long offset() {
        return (long) page * size;
    }

    /** Whether the order names an encrypted field, so that the matches are sorted in memory. */
    public boolean sortsByName() {
        return order.stream().anyMatch(key -> NAME_FIELDS.contains(key.field()));
    }
}
