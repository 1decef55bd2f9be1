package org.bastion.crm.api.contacts;

import java.util.UUID;

import org.bastion.crm.api.PageRequest;

/**
 * Which contacts to list: every criterion given narrows the result.
 *
 * @param text words that must all match, through blind indexes over encrypted fields (ADR 5): a word with {@code @}
 *             matches a whole e-mail address, a number-like word a whole phone number, any other word of at least 3
 *             characters the start of a word of the first or last name (case and accents ignored); null for all
 * @param tag a tag the contact must carry, or null
 * @param companyId the company the contact must belong to, or null
 * @param owner the owner the contact must have, or null
 * @param page which page, in which order (sort fields: {@code createdAt}, the default,
 *             {@code updatedAt}, and the encrypted {@code firstName} and {@code lastName}, which are sorted in memory and
 *             only when few enough contacts match)
 */
public record ContactQuery(String text, String tag, UUID companyId, String owner, PageRequest page) {

    public ContactQuery {
        page = page == null ? PageRequest.first() : page;
    }

    /** All contacts, first page, default order. */
    public static ContactQuery all() {
        return new ContactQuery(null, null, null, null, PageRequest.first());
    }
}
