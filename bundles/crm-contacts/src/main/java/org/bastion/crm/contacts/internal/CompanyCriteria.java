package org.bastion.crm.contacts.internal;

import java.util.List;
import java.util.Set;

import org.bastion.crm.api.SortKey;

/**
 * A validated company search; {@code order} always ends with {@code id}.
 *
 * @param words lower-case words each of which must be found in the name or the domain
 * @param tag a tag the company must carry (lower case), or null
 * @param owner the owner, or null
 * @param order sort keys on known fields
 * @param page zero-based page
 * @param size page size
 * @param owners the owners the caller's read scope reaches, or null when it reaches every company; the query (its
 *               total included) is limited to them, an empty set matching nothing
 */
public record CompanyCriteria(List<String> words, String tag, String owner, List<SortKey> order, int page, int size,
                              Set<String> owners) {

    public CompanyCriteria {
        words = List.copyOf(words);
        order = List.copyOf(order);
        owners = owners == null ? null : Set.copyOf(owners);
    }

    /** A search reaching every owner. */
    public CompanyCriteria(List<String> words, String tag, String owner, List<SortKey> order, int page, int size) {
        this(words, tag, owner, order, page, size, null);
    }

    /** The offset of the first item of the page. */
    public long offset() {
        return (long) page * size;
    }
}
