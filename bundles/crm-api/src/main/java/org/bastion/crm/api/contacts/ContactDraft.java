package org.bastion.crm.api.contacts;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.rest.ReadOnlyMembers;

/**
 * What a caller supplies to create or replace a contact; the service validates and normalises it.
 *
 * @param firstName given name
 * @param lastName family name
 * @param title job title or honorific
 * @param companyId the company the contact works for, or null
 * @param emails e-mail addresses, at most one primary
 * @param phones telephone numbers
 * @param addresses postal addresses
 * @param tags free labels
 * @param owner the user id owning the contact; null means the caller
 * @param notes free text
 * @param birthday date of birth, or null
 */
@ReadOnlyMembers({"id", "version", "createdAt", "updatedAt"})
public record ContactDraft(String firstName, String lastName, String title, UUID companyId,
                           List<EmailAddress> emails, List<PhoneNumber> phones, List<PostalAddress> addresses,
                           Set<String> tags, String owner, String notes, LocalDate birthday) {

    public ContactDraft {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
