package com.example.deals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.bastion.crm.api.crypto.DataTags;
import org.bastion.crm.api.crypto.FieldTag;
import org.bastion.crm.api.rest.ReadOnlyMembers;

/**
 * What a client sends to create or replace a deal; the members the server sets, which a client may send back as it
 * read them, are accepted and ignored.
 *
 * @param title what is being sold: 1 to 200 characters, one line
 * @param amount the value: 0 or more, at most 15 digits before the point and no more decimals than the currency has
 * @param currency an ISO 4217 code such as EUR
 * @param stage where the deal stands; LEAD when null
 * @param closeDate expected or actual close date; optional
 * @param contactId a contact id; when crm-contacts is installed the contact must exist and be visible to the caller
 * @param owner the owner's user id; the caller when null
 * @param notes free text up to 4000 characters; needs {@code deals:write-sensitive}
 */
// tag::deal-draft[]
@ReadOnlyMembers({"id", "version", "createdAt", "updatedAt"})
public record DealDraft(String title, BigDecimal amount, String currency, DealStage stage, LocalDate closeDate,
                        UUID contactId, String owner, @DataTags(FieldTag.SENSITIVE) String notes) {
}
// end::deal-draft[]
