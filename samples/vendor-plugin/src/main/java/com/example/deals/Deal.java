package com.example.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.bastion.crm.api.crypto.DataTags;
import org.bastion.crm.api.crypto.FieldTag;

/**
 * A stored deal: what is sold to whom, for how much, by when, and who owns it.
 *
 * @param id the deal's id
 * @param title what is being sold, one line
 * @param amount the value, in {@code currency}
 * @param currency the ISO 4217 code of the amount's currency
 * @param stage where the deal stands
 * @param closeDate when the deal is expected to close (or closed); may be null
 * @param contactId the contact the deal is with (an id of crm-api's ContactService); may be null
 * @param owner the user id of the owner, which the record scopes own/team/all are judged by
 * @param notes free text, stored encrypted; null when the caller may not read it
 * @param version the version, as in the ETag
 * @param createdAt when the deal was created
 * @param updatedAt when it last changed
 */
// tag::deal-record[]
public record Deal(UUID id, String title, BigDecimal amount, String currency, DealStage stage, LocalDate closeDate,
                   UUID contactId, String owner, @DataTags(FieldTag.SENSITIVE) String notes, long version,
                   Instant createdAt, Instant updatedAt) {

    /** The draft that would write this deal again unchanged. */
    public DealDraft toDraft() {
        return new DealDraft(title, amount, currency, stage, closeDate, contactId, owner, notes);
    }
    // end::deal-record[]

    /** This deal with other notes (decrypted, or null when hidden from the caller). */
    public Deal withNotes(String otherNotes) {
        return new Deal(id, title, amount, currency, stage, closeDate, contactId, owner, otherNotes, version, createdAt,
                updatedAt);
    }
}
