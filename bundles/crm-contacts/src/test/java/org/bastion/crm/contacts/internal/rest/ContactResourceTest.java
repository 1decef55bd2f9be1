package org.bastion.crm.contacts.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.ws.rs.core.Response;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.StaleVersionException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactDraft;
import org.bastion.crm.api.contacts.EmailAddress;
import org.bastion.crm.api.rest.PageBody;
import org.bastion.crm.api.rest.PreconditionRequiredException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

class ContactResourceTest {

    private static final String BASE = "http://h/api/v1/contacts";

    private final FakeContactService service = new FakeContactService();
    private final ContactResource resource = new ContactResource(service);

    @Test
    void createAnswers201WithLocationAndEtag() {
        Response response = resource.create(draft("Ann", "Lee"), RestFixtures.uri(BASE));
        Contact created = (Contact) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getLocation().toString()).isEqualTo(BASE + "/" + created.id());
        assertThat(response.getHeaderString("ETag")).isEqualTo("\"0\"");
    }

    @Test
    void createWithoutBodyIsAFieldError() {
        assertThatThrownBy(() -> resource.create(null, RestFixtures.uri(BASE)))
                .isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).errors()).isEqualTo(List.of(new FieldError("body", "is required")));
    }

    @Test
    void readAnswersTheContactWithItsEtag() {
        Contact contact = service.create(draft("Ann", "Lee"));
        Response response = resource.read(contact.id().toString(), null);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getEntity()).isEqualTo(contact);
        assertThat(response.getHeaderString("ETag")).isEqualTo("\"0\"");
    }

    @Test
    void readWithCurrentEtagInIfNoneMatchIsNotModified() {
        Contact contact = service.create(draft("Ann", "Lee"));
        assertThat(resource.read(contact.id().toString(), "\"0\"").getStatus()).isEqualTo(304);
        assertThat(resource.read(contact.id().toString(), "\"7\"").getStatus()).isEqualTo(200);
    }

    @Test
    void unknownOrMalformedIdIsNotFound() {
        assertThatThrownBy(() -> resource.read(UUID.randomUUID().toString(), null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.read("not-a-uuid", null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.read("<script>", null)).isInstanceOf(NotFoundException.class)
                .hasMessageNotContaining("<script>");
        assertThatThrownBy(() -> resource.delete("1-1-1-1-1", null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void replaceNeedsIfMatch() {
        Contact contact = service.create(draft("Ann", "Lee"));
        assertThatThrownBy(() -> resource.replace(contact.id().toString(), null, draft("Bo", "Lee")))
                .isInstanceOf(PreconditionRequiredException.class);
    }

    @Test
    void replaceWithStaleEtagFailsAndChangesNothing() {
        Contact contact = service.create(draft("Ann", "Lee"));
        resource.replace(contact.id().toString(), "\"0\"", draft("Bo", "Lee"));
        assertThatThrownBy(() -> resource.replace(contact.id().toString(), "\"0\"", draft("Cy", "Lee")))
                .isInstanceOf(StaleVersionException.class);
        assertThat(service.contacts.get(contact.id()).firstName()).isEqualTo("Bo");
    }

    @Test
    void replaceWithCurrentEtagAnswersTheNewEtag() {
        Contact contact = service.create(draft("Ann", "Lee"));
        Response response = resource.replace(contact.id().toString(), "\"0\"", draft("Bo", "Lee"));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString("ETag")).isEqualTo("\"1\"");
        assertThat(((Contact) response.getEntity()).firstName()).isEqualTo("Bo");
    }

    @Test
    void patchChangesOnlyTheNamedFieldsAndNullRemovesOne() throws Exception {
        ContactDraft original = new ContactDraft("Ann", "Lee", "Dr", null,
                List.of(new EmailAddress("work", "ann@example.com", true)), null, null, Set.of("vip"), null, null, null);
        Contact contact = service.create(original);
        Response response = resource.patch(contact.id().toString(), "\"0\"",
                json("{'firstName':'Anne','title':null,'birthday':'1990-12-31'}"), RestFixtures.providers());
        Contact patched = (Contact) response.getEntity();
        assertThat(patched.firstName()).isEqualTo("Anne");
        assertThat(patched.title()).isNull();
        assertThat(patched.birthday()).isEqualTo(LocalDate.of(1990, 12, 31));
        assertThat(patched.lastName()).isEqualTo("Lee");
        assertThat(patched.emails()).isEqualTo(original.emails());
        assertThat(patched.tags()).containsExactly("vip");
        assertThat(response.getHeaderString("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void patchWithUnknownFieldOrBadValueIsAJsonErrorNamingTheField() {
        Contact contact = service.create(draft("Ann", "Lee"));
        String id = contact.id().toString();
        assertThatThrownBy(() -> resource.patch(id, "\"0\"", json("{'nickname':'A'}"), RestFixtures.providers()))
                .isInstanceOf(java.io.UncheckedIOException.class).hasCauseInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> resource.patch(id, "\"0\"", json("{'birthday':'yesterday'}"), RestFixtures.providers()))
                .isInstanceOf(java.io.UncheckedIOException.class).hasCauseInstanceOf(InvalidFormatException.class);
        assertThat(service.contacts.get(contact.id()).version()).isZero();
    }

    @Test
    void patchMustBeAnObjectAndNeedsIfMatch() {
        Contact contact = service.create(draft("Ann", "Lee"));
        String id = contact.id().toString();
        assertThatThrownBy(() -> resource.patch(id, "\"0\"", json("['x']"), RestFixtures.providers()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> resource.patch(id, null, json("{}"), RestFixtures.providers()))
                .isInstanceOf(PreconditionRequiredException.class);
        assertThatThrownBy(() -> resource.patch(id, "\"3\"", json("{}"), RestFixtures.providers()))
                .isInstanceOf(StaleVersionException.class);
    }

    @Test
    void deleteWithoutIfMatchDeletes() {
        Contact contact = service.create(draft("Ann", "Lee"));
        assertThat(resource.delete(contact.id().toString(), null).getStatus()).isEqualTo(204);
        assertThat(service.contacts).isEmpty();
        assertThatThrownBy(() -> resource.delete(contact.id().toString(), null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteWithStaleIfMatchKeepsTheContact() {
        Contact contact = service.create(draft("Ann", "Lee"));
        assertThatThrownBy(() -> resource.delete(contact.id().toString(), "\"5\"")).isInstanceOf(StaleVersionException.class);
        assertThat(resource.delete(contact.id().toString(), "\"0\"").getStatus()).isEqualTo(204);
    }

    @Test
    void searchPassesFiltersAndAnswersAPageWithLinks() {
        UUID companyId = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            service.create(new ContactDraft("N" + i, "L", null, companyId, null, null, null, Set.of("vip"), null, null, null));
        }
        PageBody<Contact> body = resource.search(" ann ", "vip", companyId.toString(), "bob", "1", "2", "-lastName",
                RestFixtures.uri(BASE + "?tag=vip&page=1&size=2"));
        assertThat(service.lastQuery.text()).isEqualTo("ann");
        assertThat(service.lastQuery.owner()).isEqualTo("bob");
        assertThat(service.lastQuery.page().sort()).hasSize(1);
        assertThat(body.items()).hasSize(2);
        assertThat(body.total()).isEqualTo(5);
        assertThat(body.links()).containsEntry("next", BASE + "?tag=vip&page=2&size=2")
                .containsEntry("last", BASE + "?tag=vip&page=2&size=2");
    }

    @Test
    void searchRejectsOversizedPagesAndMalformedCompanyIds() {
        assertThatThrownBy(() -> resource.search(null, null, null, null, null, "201", null, RestFixtures.uri(BASE)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("size");
        assertThatThrownBy(() -> resource.search(null, null, "acme", null, null, null, null, RestFixtures.uri(BASE)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("companyId");
    }

    @Test
    void searchDefaultsToFirstPageOfTwenty() {
        resource.search("", "", "", "", null, null, null, RestFixtures.uri(BASE));
        assertThat(service.lastQuery.page().size()).isEqualTo(20);
        assertThat(service.lastQuery.text()).isNull();
        assertThat(service.lastQuery.companyId()).isNull();
    }

    private static ContactDraft draft(String first, String last) {
        return new ContactDraft(first, last, null, null, null, null, null, null, null, null, null);
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) throws Exception {
        return RestFixtures.MAPPER.readTree(text.replace('\'', '"'));
    }
}
