package org.bastion.crm.contacts.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.EmailAddress;

/**
 * The real contact and company services over in-memory repositories, with {@link FakePermissions} and a caller the
 * test chooses, for the permission tests of the services, the REST resources and the shell commands.
 */
public final class ServiceFixture {

    public static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");

    public final InMemoryContactRepository contactRows = new InMemoryContactRepository();
    public final InMemoryCompanyRepository companyRows = new InMemoryCompanyRepository();
    public final FakePermissions permissions = new FakePermissions();
    public final ContactServiceImpl contacts;
    public final CompanyServiceImpl companies;
    private Caller caller = Caller.SYSTEM;
    private int stored;

    public ServiceFixture() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        contacts = new ContactServiceImpl(contactRows, companyRows, clock, "49");
        companies = new CompanyServiceImpl(companyRows, contactRows::countByCompany, clock);
        contacts.permissions = permissions;
        contacts.callerContext = () -> caller;
        companies.permissions = permissions;
        companies.callerContext = () -> caller;
    }

    /** From now on the services are called by the CRM user {@code userId} (no roles). */
    public ServiceFixture actAs(String userId) {
        caller = new Caller(userId, userId, Set.of(), true);
        return this;
    }

    /** Stores a contact directly (no permission check), created a second after the one stored before. */
    public Contact storeContact(String firstName, String owner, String notes, LocalDate birthday, UUID companyId) {
        Instant at = NOW.plusSeconds(stored++);
        return contactRows.insert(new Contact(UUID.randomUUID(), firstName, "Lee", null, companyId,
                List.of(new EmailAddress("work", firstName.toLowerCase() + "@example.com", true)), List.of(), List.of(),
                Set.of("vip"), owner, notes, birthday, at, at, 0));
    }

    /** Stores a company directly (no permission check). */
    public Company storeCompany(String name, String owner) {
        return companyRows.insert(new Company(UUID.randomUUID(), name, null, null, Set.of(), owner, NOW, NOW, 0));
    }
}
