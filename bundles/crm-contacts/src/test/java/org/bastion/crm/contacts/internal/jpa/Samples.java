package org.bastion.crm.contacts.internal.jpa;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.EmailAddress;
import org.bastion.crm.api.contacts.PhoneNumber;
import org.bastion.crm.api.contacts.PostalAddress;

/** Ready-made records for the persistence tests. */
final class Samples {

    static final Instant NOW = Instant.parse("2025-03-01T10:15:30.123Z");

    private Samples() {
    }

    static Contact contact(String first, String last, UUID companyId) {
        return new Contact(UUID.randomUUID(), first, last, "Engineer", companyId,
                List.of(new EmailAddress("work", first.toLowerCase() + "@Example.com".toLowerCase(), true),
                        new EmailAddress("home", first.toLowerCase() + ".private@mail.example.org", false)),
                List.of(new PhoneNumber("mobile", "+4930" + Math.abs(last.hashCode() % 1_000_000))),
                List.of(new PostalAddress("work", "Main Street 1", "Berlin", null, "10115", "DE")),
                Set.of("vip", "customer"), "alice", "met at a fair", LocalDate.of(1990, 5, 17), NOW, NOW, 0);
    }

    /** The contact with other creation and update times. */
    static Contact at(Contact c, Instant createdAt, Instant updatedAt) {
        return new Contact(c.id(), c.firstName(), c.lastName(), c.title(), c.companyId(), c.emails(), c.phones(),
                c.addresses(), c.tags(), c.owner(), c.notes(), c.birthday(), createdAt, updatedAt, c.version());
    }

    static Company company(String name, String domain) {
        return new Company(UUID.randomUUID(), name, domain,
                new PostalAddress("hq", "Market 2", "Hamburg", null, "20095", "DE"), Set.of("partner"), "alice",
                NOW, NOW, 0);
    }
}
