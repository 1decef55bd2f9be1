package org.bastion.crm.api.contacts;

import java.util.UUID;

import org.bastion.crm.api.PageRequest;

/**
 * Which contacts to list: every criterion given narrows the result.
 *
 * @param text words matched, case-insensitively, against names, e-mail addresses and phone numbers; null for all
 * @param tag a tag the contact must carry, or null
 * @param companyId the company the contact must belong to, or null
 * @param owner the owner the contact must have, or null
 * @param page which page, in which order (sort fields: {@code firstName}, {@code lastName}, {@code createdAt}, {@code updatedAt})
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
