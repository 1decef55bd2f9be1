package org.bastion.crm.api.companies;

import org.bastion.crm.api.PageRequest;

/**
 * Which companies to list.
 *
 * @param text words matched, case-insensitively, against name and domain; null for all
 * @param tag a tag the company must carry, or null
 * @param owner the owner the company must have, or null
 * @param page which page, in which order (sort fields: {@code name}, {@code domain}, {@code createdAt}, {@code updatedAt})
 */
public record CompanyQuery(String text, String tag, String owner, PageRequest page) {

    public CompanyQuery {
        page = page == null ? PageRequest.first() : page;
    }
}
