package org.bastion.crm.contacts.internal.jpa;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.contacts.PostalAddress;

/** Copies between companies and their entities, timestamps stored as UTC (contacts: {@link ContactCodec}). */
public final class EntityMapping {

    private EntityMapping() {
    }

    /** The company an entity and its separately loaded tags hold. */
    static Company toCompany(CompanyEntity e, java.util.Set<String> tags) {
        AddressRow address = e.getAddress();
        return new Company(UUID.fromString(e.getId()), e.getName(), e.getDomain(),
                address == null || address.isEmpty() ? null : toAddress(address), tags, e.getOwner(),
                toInstant(e.getCreatedAt()), toInstant(e.getUpdatedAt()), e.getVersion());
    }

    /** The company an entity holds, its tags read from the entity: only for entities just written. */
    static Company toCompanyAsWritten(CompanyEntity e) {
        return toCompany(e, e.getTags());
    }

    /** Writes every field of the company but id, creation time and version into the entity. */
    public static void copy(Company c, CompanyEntity e) {
        e.setName(c.name());
        e.setDomain(c.domain());
        e.setAddress(c.address() == null ? null : toRow(c.address()));
        e.setOwner(c.owner());
        e.setUpdatedAt(toUtc(c.updatedAt()));
        e.setTags(c.tags());
    }

    /** An instant as the UTC wall-clock time stored in a TIMESTAMP column. */
    public static LocalDateTime toUtc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant toInstant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private static PostalAddress toAddress(AddressRow r) {
        return new PostalAddress(r.getType(), r.getStreet(), r.getCity(), r.getRegion(), r.getPostalCode(), r.getCountry());
    }

    private static AddressRow toRow(PostalAddress a) {
        return new AddressRow(a.type(), a.street(), a.city(), a.region(), a.postalCode(), a.country());
    }

}
