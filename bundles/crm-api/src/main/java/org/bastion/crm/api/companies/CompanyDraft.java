package org.bastion.crm.api.companies;

import java.util.Set;

import org.bastion.crm.api.contacts.PostalAddress;
import org.bastion.crm.api.rest.ReadOnlyMembers;

/**
 * What a caller supplies to create or replace a company.
 *
 * @param name the company's name
 * @param domain its web domain, such as {@code example.com} (unique among companies), or null
 * @param address its postal address, or null
 * @param tags free labels
 * @param owner the owning user id; null means the caller
 */
@ReadOnlyMembers({"id", "version", "createdAt", "updatedAt"})
public record CompanyDraft(String name, String domain, PostalAddress address, Set<String> tags, String owner) {

    public CompanyDraft {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
