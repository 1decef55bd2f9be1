package org.bastion.crm.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.StaleVersionException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.companies.CompanyDraft;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.PostalAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

class CompanyServiceImplTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");

    private final InMemoryCompanyRepository companies = new InMemoryCompanyRepository();
    private final InMemoryContactRepository contacts = new InMemoryContactRepository();
    private final EventAdmin events = mock(EventAdmin.class);
    private CompanyServiceImpl service;

    @BeforeEach
    void createService() {
        service = new CompanyServiceImpl(companies, contacts::countByCompany, Clock.fixed(NOW, ZoneOffset.UTC));
        service.eventAdmin = events;
        service.permissions = FakePermissions.everything();
        service.callerContext = () -> new Caller("u-7", null, Set.of(), true);
    }

    @Test
    void createsACompanyWithALowerCaseDomainOwnedByTheCaller() {
        Company created = service.create(new CompanyDraft(" Acme ", "WWW.Acme.Example.", 
                new PostalAddress(null, null, "Berlin", null, null, "de"), Set.of("Partner"), null));

        assertThat(created.name()).isEqualTo("Acme");
        assertThat(created.domain()).isEqualTo("www.acme.example");
        assertThat(created.address().country()).isEqualTo("DE");
        assertThat(created.tags()).containsExactly("partner");
        assertThat(created.owner()).isEqualTo("u-7");
        ArgumentCaptor<Event> posted = ArgumentCaptor.forClass(Event.class);
        verify(events).postEvent(posted.capture());
        assertThat(posted.getValue().getTopic()).isEqualTo("org/bastion/crm/companies/CREATED");
    }

    @Test
    void reportsEveryBrokenRule() {
        CompanyDraft bad = new CompanyDraft(" ", "not a domain", new PostalAddress(null, null, null, null, null, "XX"),
                Set.of(), null);

        assertThatThrownBy(() -> service.create(bad)).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("name", "domain",
                        "address.country"));
    }

    @Test
    void aDomainBelongsToOneCompanyOnly() {
        Company acme = service.create(new CompanyDraft("Acme", "acme.example", null, null, null));

        assertThatThrownBy(() -> service.create(new CompanyDraft("Other", "ACME.example", null, null, null)))
                .isInstanceOf(ConflictException.class);
        assertThat(service.update(acme.id(), acme.version(), new CompanyDraft("Acme AG", "acme.example", null, null, null))
                .name()).isEqualTo("Acme AG");
    }

    @Test
    void refusesToDeleteACompanyContactsStillBelongTo() {
        Company acme = service.create(new CompanyDraft("Acme", null, null, null, null));
        contacts.insert(new Contact(UUID.randomUUID(), "Ada", null, null, acme.id(), null, null, null, null, "o", null,
                null, NOW, NOW, 0));

        assertThatThrownBy(() -> service.delete(acme.id(), -1)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("still has contacts; move or delete them first");
        assertThat(service.find(acme.id())).isPresent();
    }

    @Test
    void staleVersionsAreRefusedOnUpdateAndDelete() {
        Company acme = service.create(new CompanyDraft("Acme", null, null, null, null));

        assertThatThrownBy(() -> service.update(acme.id(), 99, new CompanyDraft("X", null, null, null, null)))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> service.delete(acme.id(), 99)).isInstanceOf(StaleVersionException.class);
        assertThat(service.delete(acme.id(), acme.version())).isTrue();
    }

    @Test
    void searchesCompaniesCaseInsensitivelyAnywhereInTheirPlaintextName() {
        service.create(new CompanyDraft("Alpha Inc", null, null, null, null));
        service.create(new CompanyDraft("Beta", null, null, null, null));

        assertThat(service.search(new org.bastion.crm.api.companies.CompanyQuery("PHA in", null, null, null)).items())
                .extracting(Company::name).containsExactly("Alpha Inc");
        assertThat(service.search(new org.bastion.crm.api.companies.CompanyQuery("et", null, null, null)).items())
                .extracting(Company::name).containsExactly("Beta");
    }

    @Test
    void searchFiltersWithAControlCharacterAreRefused() {
        assertThatThrownBy(() -> service.search(new org.bastion.crm.api.companies.CompanyQuery("a\u0000b", null,
                null, null))).isInstanceOf(ValidationException.class).hasMessageContaining("q");
        assertThatThrownBy(() -> service.search(new org.bastion.crm.api.companies.CompanyQuery(null, "t\u0085", null,
                null))).isInstanceOf(ValidationException.class);
    }
}
