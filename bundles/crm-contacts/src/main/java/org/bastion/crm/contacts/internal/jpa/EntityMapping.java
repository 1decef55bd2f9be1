package org.bastion.crm.contacts.internal.jpa;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.EmailAddress;
import org.bastion.crm.api.contacts.PhoneNumber;
import org.bastion.crm.api.contacts.PostalAddress;

/** Copies between the immutable API records and the entities; timestamps are stored as UTC, absent names as ''. */
public final class EntityMapping {

    private EntityMapping() {
    }

    /** The contact an entity and its separately loaded children hold. */
    static Contact toContact(ContactEntity e, ChildRows.ContactChildren children) {
        return new Contact(UUID.fromString(e.getId()), emptyToNull(e.getFirstName()), emptyToNull(e.getLastName()),
                e.getTitle(), e.getCompanyId() == null ? null : UUID.fromString(e.getCompanyId()), children.emails(),
                children.phones(), children.addresses(), children.tags(), e.getOwner(), e.getNotes(), e.getBirthday(),
                toInstant(e.getCreatedAt()), toInstant(e.getUpdatedAt()), e.getVersion());
    }

    /** The contact an entity holds, read from its collections: only for entities just written, whose are in memory. */
    static Contact toContactAsWritten(ContactEntity e) {
        return toContact(e, new ChildRows.ContactChildren(
                e.getEmails().stream().map(r -> new EmailAddress(r.getType(), r.getAddress(), r.isPrimary())).toList(),
                e.getPhones().stream().map(r -> new PhoneNumber(r.getType(), r.getNumber())).toList(),
                e.getAddresses().stream().map(EntityMapping::toAddress).toList(), e.getTags()));
    }

    /** Writes every field of the contact but id, creation time and version into the entity. */
    public static void copy(Contact c, ContactEntity e) {
        e.setFirstName(nullToEmpty(c.firstName()));
        e.setLastName(nullToEmpty(c.lastName()));
        e.setTitle(c.title());
        e.setCompanyId(c.companyId() == null ? null : c.companyId().toString());
        e.setOwner(c.owner());
        e.setNotes(c.notes());
        e.setBirthday(c.birthday());
        e.setUpdatedAt(toUtc(c.updatedAt()));
        e.setEmails(c.emails().stream().map(m -> new EmailRow(m.type(), m.address(), m.primary())).toList());
        e.setPhones(c.phones().stream().map(p -> new PhoneRow(p.type(), p.number())).toList());
        e.setAddresses(c.addresses().stream().map(EntityMapping::toRow).toList());
        e.setTags(c.tags());
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

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
