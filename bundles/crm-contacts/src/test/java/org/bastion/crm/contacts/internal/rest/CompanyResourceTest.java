package org.bastion.crm.contacts.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;

import javax.ws.rs.core.Response;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.StaleVersionException;
import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.companies.CompanyDraft;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactDraft;
import org.bastion.crm.api.rest.PageBody;
import org.bastion.crm.api.rest.PreconditionRequiredException;
import org.junit.jupiter.api.Test;

class CompanyResourceTest {

    private static final String BASE = "http://h/api/v1/companies";

    private final FakeCompanyService companies = new FakeCompanyService();
    private final FakeContactService contacts = new FakeContactService();
    private final CompanyResource resource = new CompanyResource(companies, contacts);

    @Test
    void createAnswers201WithLocationAndEtag() {
        Response response = resource.create(new CompanyDraft("Acme", "acme.example", null, null, null), RestFixtures.uri(BASE));
        Company created = (Company) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getLocation().toString()).isEqualTo(BASE + "/" + created.id());
        assertThat(response.getHeaderString("ETag")).isEqualTo("\"0\"");
    }

    @Test
    void changesNeedTheCurrentEtag() throws Exception {
        Company company = companies.create(new CompanyDraft("Acme", null, null, Set.of("b2b"), null));
        String id = company.id().toString();
        assertThatThrownBy(() -> resource.replace(id, null, new CompanyDraft("Acme2", null, null, null, null)))
                .isInstanceOf(PreconditionRequiredException.class);
        Response patched = resource.patch(id, "\"0\"", RestFixtures.MAPPER.readTree("{\"domain\":\"acme.example\"}"),
                RestFixtures.providers());
        assertThat(((Company) patched.getEntity()).domain()).isEqualTo("acme.example");
        assertThat(((Company) patched.getEntity()).tags()).containsExactly("b2b");
        assertThatThrownBy(() -> resource.replace(id, "\"0\"", new CompanyDraft("Acme3", null, null, null, null)))
                .isInstanceOf(StaleVersionException.class);
    }

    @Test
    void listsTheContactsOfOneCompanyOnly() {
        Company acme = companies.create(new CompanyDraft("Acme", null, null, null, null));
        contacts.create(new ContactDraft("Ann", "Lee", null, acme.id(), null, null, null, null, null, null, null));
        contacts.create(new ContactDraft("Bo", "Kim", null, null, null, null, null, null, null, null, null));
        PageBody<Contact> page = resource.contactsOf(acme.id().toString(), null, null, null,
                RestFixtures.uri(BASE + "/" + acme.id() + "/contacts"));
        assertThat(page.items()).extracting(Contact::firstName).containsExactly("Ann");
        assertThat(contacts.lastQuery.companyId()).isEqualTo(acme.id());
        assertThat(page.links()).containsKeys("self", "first", "last");
    }

    @Test
    void contactsOfAnUnknownCompanyIsNotFound() {
        assertThatThrownBy(() -> resource.contactsOf(UUID.randomUUID().toString(), null, null, null, RestFixtures.uri(BASE)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void searchPassesTextTagAndOwner() {
        resource.search("acme", "b2b", "bob", "0", "50", "name", RestFixtures.uri(BASE));
        assertThat(companies.lastQuery.text()).isEqualTo("acme");
        assertThat(companies.lastQuery.tag()).isEqualTo("b2b");
        assertThat(companies.lastQuery.owner()).isEqualTo("bob");
        assertThat(companies.lastQuery.page().size()).isEqualTo(50);
    }

    @Test
    void deleteOfUnknownCompanyIsNotFound() {
        assertThatThrownBy(() -> resource.delete(UUID.randomUUID().toString(), null)).isInstanceOf(NotFoundException.class);
    }
}
