package org.bastion.crm.contacts.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;

import javax.ws.rs.core.Response;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.StaleVersionException;
import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactDraft;
import org.bastion.crm.api.rest.PageBody;
import org.bastion.crm.contacts.internal.ServiceFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The REST resources over the real services and fake permissions: 404 for what the caller may not see, 403 for what
 * it sees but may not change, and ETags that keep working on bodies whose sensitive fields are hidden.
 */
class ResourcePermissionsTest {

    private static final String BASE = "http://h/api/v1/contacts";
    private static final LocalDate BIRTHDAY = LocalDate.of(1980, 4, 1);

    private final ServiceFixture fixture = new ServiceFixture();
    private final ContactResource contacts = new ContactResource(fixture.contacts);
    private final CompanyResource companies = new CompanyResource(fixture.companies, fixture.contacts);
    private Contact annsContact;
    private Contact bobsContact;
    private Contact cysContact;

    @BeforeEach
    void seed() {
        annsContact = fixture.storeContact("Anna", "ann", "likes tea", BIRTHDAY, null);
        bobsContact = fixture.storeContact("Bobby", "bob", "owes us", BIRTHDAY, null);
        cysContact = fixture.storeContact("Cyril", "cy", "secret", BIRTHDAY, null);
        fixture.actAs("ann").permissions.team("ann", Set.of("bob"), "contacts:read", "companies:read")
                .own("ann", "contacts:write", "contacts:delete");
    }

    @Test
    void putPatchAndDeleteOfAnInvisibleContactAreNotFound() throws Exception {
        String id = cysContact.id().toString();

        assertThatThrownBy(() -> contacts.read(id, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> contacts.replace(id, "\"1\"", draft("X"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> contacts.patch(id, "\"1\"", json("{'firstName':'X'}"), RestFixtures.providers()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> contacts.delete(id, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> contacts.delete(id, "\"1\"")).isInstanceOf(NotFoundException.class);
        assertThat(fixture.contactRows.find(cysContact.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void putPatchAndDeleteOfAVisibleContactOutsideTheWriteOrDeleteScopeAreForbidden() throws Exception {
        String id = bobsContact.id().toString();

        assertThat(contacts.read(id, null).getStatus()).isEqualTo(200);
        assertThatThrownBy(() -> contacts.replace(id, "\"1\"", draft("X"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> contacts.patch(id, "\"1\"", json("{'firstName':'X'}"), RestFixtures.providers()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> contacts.delete(id, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(fixture.contactRows.find(bobsContact.id())).isPresent();
    }

    @Test
    void aCallerWithoutReadScopeIsForbiddenEvenForAnUnknownId() {
        fixture.permissions.revokeAll("ann");

        assertThatThrownBy(() -> contacts.read(annsContact.id().toString(), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> contacts.search(null, null, null, null, null, null, null, RestFixtures.uri(BASE)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aReadHidesTheSensitiveFieldsAndKeepsTheVersionAsETag() {
        Response read = contacts.read(annsContact.id().toString(), null);

        assertThat(((Contact) read.getEntity()).notes()).isNull();
        assertThat(((Contact) read.getEntity()).birthday()).isNull();
        assertThat(read.getHeaderString("ETag")).isEqualTo("\"1\"");
        assertThat(contacts.read(annsContact.id().toString(), "\"1\"").getStatus()).isEqualTo(304);
    }

    @Test
    void aPutOfTheRedactedBodyWithItsETagLosesNoHiddenValue() {
        Contact redacted = (Contact) contacts.read(annsContact.id().toString(), null).getEntity();
        ContactDraft edited = new ContactDraft("Annie", redacted.lastName(), null, null, redacted.emails(),
                redacted.phones(), redacted.addresses(), redacted.tags(), redacted.owner(), redacted.notes(),
                redacted.birthday());

        Response response = contacts.replace(annsContact.id().toString(), "\"1\"", edited);

        assertThat(response.getHeaderString("ETag")).isEqualTo("\"2\"");
        assertThat(((Contact) response.getEntity()).notes()).isNull();
        Contact stored = fixture.contactRows.find(annsContact.id()).orElseThrow();
        assertThat(stored.firstName()).isEqualTo("Annie");
        assertThat(stored.notes()).isEqualTo("likes tea");
        assertThat(stored.birthday()).isEqualTo(BIRTHDAY);
        assertThatThrownBy(() -> contacts.replace(annsContact.id().toString(), "\"1\"", edited))
                .isInstanceOf(StaleVersionException.class);
    }

    @Test
    void aMergePatchOverTheRedactedRecordDoesNotEraseHiddenValues() throws Exception {
        Response response = contacts.patch(annsContact.id().toString(), "\"1\"", json("{'title':'Dr'}"),
                RestFixtures.providers());

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString("ETag")).isEqualTo("\"2\"");
        Contact stored = fixture.contactRows.find(annsContact.id()).orElseThrow();
        assertThat(stored.title()).isEqualTo("Dr");
        assertThat(stored.notes()).isEqualTo("likes tea");
        assertThat(stored.birthday()).isEqualTo(BIRTHDAY);
    }

    @Test
    void aMergePatchSettingAHiddenFieldWithoutWriteSensitiveIsForbidden() {
        assertThatThrownBy(() -> contacts.patch(annsContact.id().toString(), "\"1\"", json("{'notes':'new'}"),
                RestFixtures.providers())).isInstanceOf(AccessDeniedException.class);
        assertThat(fixture.contactRows.find(annsContact.id()).orElseThrow().notes()).isEqualTo("likes tea");
    }

    @Test
    void theContactsOfACompanyAreThoseTheCallerMayReadAndAnInvisibleCompanyIsNotFound() {
        Company bobs = fixture.storeCompany("Beta", "bob");
        Company cys = fixture.storeCompany("Gamma", "cy");
        fixture.storeContact("Mate", "bob", null, null, bobs.id());
        fixture.storeContact("Stranger", "cy", null, null, bobs.id());

        PageBody<Contact> page = companies.contactsOf(bobs.id().toString(), null, null, null,
                RestFixtures.uri("http://h/api/v1/companies/" + bobs.id() + "/contacts"));

        assertThat(page.items()).extracting(Contact::firstName).containsExactly("Mate");
        assertThat(page.total()).isEqualTo(1);
        assertThatThrownBy(() -> companies.contactsOf(cys.id().toString(), null, null, null,
                RestFixtures.uri("http://h/api/v1/companies/" + cys.id() + "/contacts")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void companyWritesFollowTheSameRules() {
        Company bobs = fixture.storeCompany("Beta", "bob");
        Company cys = fixture.storeCompany("Gamma", "cy");
        fixture.permissions.own("ann", "companies:write", "companies:delete");

        assertThatThrownBy(() -> companies.replace(cys.id().toString(), "\"1\"", bobs.toDraft()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> companies.delete(cys.id().toString(), null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> companies.replace(bobs.id().toString(), "\"1\"", bobs.toDraft()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> companies.delete(bobs.id().toString(), null)).isInstanceOf(AccessDeniedException.class);
    }

    private static ContactDraft draft(String firstName) {
        return new ContactDraft(firstName, "Lee", null, null, null, null, null, null, null, null, null);
    }

    private static JsonNode json(String text) throws Exception {
        return RestFixtures.MAPPER.readTree(text.replace('\'', '"'));
    }
}
