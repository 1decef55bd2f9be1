package org.bastion.crm.contacts.internal;

import java.util.List;
import java.util.UUID;

import org.bastion.crm.api.SortKey;

/**
 * A validated contact search: every criterion given narrows the result; {@code order} always ends with {@code id}.
 *
 * @param words words each of which must match a first name, last name, e-mail address or (numbers) phone number
 * @param tag a tag the contact must carry (lower case), or null
 * @param companyId the company, or null
 * @param owner the owner, or null
 * @param order sort keys on known fields
 * @param page zero-based page
 * @param size page size
 */
public record ContactCriteria(List<SearchWord> words, String tag, UUID companyId, String owner, List<SortKey> order,
                              int page, int size) {

    public ContactCriteria {
        words = List.copyOf(words);
        order = List.copyOf(order);
    }

    /** The offset of the first item of the page. */
    public long offset() {
        return (long) page * size;
    }
}
