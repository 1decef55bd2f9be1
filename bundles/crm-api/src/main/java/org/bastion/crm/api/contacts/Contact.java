package org.bastion.crm.api.contacts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.bastion.crm.api.crypto.DataTags;

import static org.bastion.crm.api.crypto.FieldTag.PERSONAL;
import static org.bastion.crm.api.crypto.FieldTag.SENSITIVE;

/**
 * A stored contact: a person, how to reach them, who owns the record and when it changed. The {@link DataTags} on its
 * fields are the one place that says which contact data is personal (encrypted at rest) and which sensitive.
 *
 * @param id the contact's id
 * @param firstName given name
 * @param lastName family name
 * @param title job title or honorific
 * @param companyId the company the contact works for, or null
 * @param emails e-mail addresses, the primary one first
 * @param phones telephone numbers
 * @param addresses postal addresses
 * @param tags labels, sorted
 * @param owner the user id owning the record
 * @param notes free text
 * @param birthday date of birth, or null
 * @param createdAt when the record was created
 * @param updatedAt when the record last changed
 * @param version the optimistic-locking version, raised by every change
 */
public record Contact(UUID id, @DataTags(PERSONAL) String firstName, @DataTags(PERSONAL) String lastName,
                      @DataTags(PERSONAL) String title, UUID companyId,
                      @DataTags(PERSONAL) List<EmailAddress> emails, @DataTags(PERSONAL) List<PhoneNumber> phones,
                      @DataTags(PERSONAL) List<PostalAddress> addresses, Set<String> tags, String owner,
                      @DataTags(SENSITIVE) String notes, @DataTags(SENSITIVE) LocalDate birthday,
                      Instant createdAt, Instant updatedAt, long version) {

    public Contact {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        SortedSet<String> sorted = new TreeSet<>(tags == null ? Set.of() : tags);
        tags = java.util.Collections.unmodifiableSortedSet(sorted);
    }

    /** The name to show: first and last name joined, or whatever of them is present. */
    public String displayName() {
        String first = firstName == null ? "" : firstName;
        String last = lastName == null ? "" : lastName;
        return (first + " " + last).trim();
    }

    /** The primary e-mail address, or null when the contact has none. */
    public String primaryEmail() {
        return emails.stream().filter(EmailAddress::primary).findFirst()
                .or(() -> emails.stream().findFirst()).map(EmailAddress::address).orElse(null);
    }

    /** This contact as a draft, the starting point of an edit. */
    public ContactDraft toDraft() {
        return new ContactDraft(firstName, lastName, title, companyId, emails, phones, addresses, tags, owner, notes, birthday);
    }
}
