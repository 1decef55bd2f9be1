package org.bastion.crm.api.companies;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.bastion.crm.api.contacts.PostalAddress;

/**
 * A stored company.
 *
 * @param id the company's id
 * @param name its name
 * @param domain its web domain in lower case, or null
 * @param address its postal address, or null
 * @param tags labels, sorted
 * @param owner the owning user id
 * @param createdAt when the record was created
 * @param updatedAt when the record last changed
 * @param version the optimistic-locking version
 */
public record Company(UUID id, String name, String domain, PostalAddress address, Set<String> tags, String owner,
                      Instant createdAt, Instant updatedAt, long version) {

    public Company {
        tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags == null ? Set.of() : tags));
    }

    /** This company as a draft, the starting point of an edit. */
    public CompanyDraft toDraft() {
        return new CompanyDraft(name, domain, address, tags, owner);
    }
}
