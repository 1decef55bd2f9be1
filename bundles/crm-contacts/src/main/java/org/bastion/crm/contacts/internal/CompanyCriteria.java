package org.bastion.crm.contacts.internal;

import java.util.List;

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
 */
public record CompanyCriteria(List<String> words, String tag, String owner, List<SortKey> order, int page, int size) {

    public CompanyCriteria {
        words = List.copyOf(words);
        order = List.copyOf(order);
    }

    /** The offset of the first item of the page. */
    public long offset() {
        return (long) page * size;
    }
}
