package com.example.deals;

import java.util.UUID;

import org.bastion.crm.api.PageRequest;

/**
 * Which deals to list: optional filters, all of which must match, and the page.
 *
 * @param stage only deals in this stage, or null
 * @param owner only deals of this owner, or null
 * @param contactId only deals with this contact, or null
 * @param page which page, in what order (title, amount, closeDate, createdAt, updatedAt, id)
 */
public record DealQuery(DealStage stage, String owner, UUID contactId, PageRequest page) {

    public DealQuery {
        page = page == null ? PageRequest.first() : page;
    }
}
