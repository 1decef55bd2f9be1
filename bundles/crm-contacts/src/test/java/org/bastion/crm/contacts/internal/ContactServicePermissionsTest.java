package org.bastion.crm.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactDraft;
import org.bastion.crm.api.contacts.ContactQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The record scopes of ADR 8 as the contact service applies them: 403 without scope, 404 outside, 403 beside. */
class ContactServicePermissionsTest {

    private final ServiceFixture fixture = new ServiceFixture();
    private final ContactServiceImpl service = fixture.contacts;
    private Contact annsContact;
    private Contact bobsContact;
    private Contact cysContact;

    @BeforeEach
    void seed() {
        annsContact = fixture.storeContact("Anna", "ann", null, null, null);
        bobsContact = fixture.storeContact("Bobby", "bob", null, null, null);
        cysContact = fixture.storeContact("Cyril", "cy", null, null, null);
        fixture.actAs("ann");
    }

    @Test
    void withoutAPermissionsServiceOnlyAdminsAndTheSystemMayDoAnything() {
        service.permissions = null;

        assertThatThrownBy(() -> service.search(ContactQuery.all())).isInstanceOf(AccessDeniedException.class);
        service.callerContext = () -> new Caller("root", null, Set.of("admin"), true);
        assertThat(service.search(ContactQuery.all()).total()).isEqualTo(3);
        service.callerContext = null;
        assertThat(service.count()).isEqualTo(3);
    }

    @Test
    void aCallerWithoutAnyReadScopeIsRefusedSearchFindAndCountNamingThePermission() {
        assertThatThrownBy(() -> service.search(ContactQuery.all())).isInstanceOf(AccessDeniedException.class)
                .hasMessage("this needs the permission contacts:read");
        assertThatThrownBy(() -> service.find(annsContact.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(service::count).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void searchAsksTheRepositoryForTheOwnersOfTheReadScopeOnly() {
        fixture.permissions.own("ann", "contacts:read");
        service.search(ContactQuery.all());
        assertThat(fixture.contactRows.lastCriteria.owners()).containsExactly("ann");

        fixture.permissions.team("ann", Set.of("bob"), "contacts:read");
        service.search(ContactQuery.all());
        assertThat(fixture.contactRows.lastCriteria.owners()).containsExactlyInAnyOrder("ann", "bob");

        fixture.permissions.all("ann", "contacts:read");
        service.search(ContactQuery.all());
        assertThat(fixture.contactRows.lastCriteria.owners()).isNull();
    }

    @Test
    void searchItemsAndTotalsCoverTheReadScopeOnlyWhateverTheFilters() {
        fixture.permissions.team("ann", Set.of("bob"), "contacts:read");

        Page<Contact> all = service.search(ContactQuery.all());
        assertThat(all.items()).extracting(Contact::id).containsExactly(annsContact.id(), bobsContact.id());
        assertThat(all.total()).isEqualTo(2);
        assertThat(service.search(new ContactQuery("cyril", null, null, null, null)).total()).isZero();
        assertThat(service.search(new ContactQuery(null, "vip", null, null, null)).total()).isEqualTo(2);
        assertThat(service.search(new ContactQuery(null, null, null, "cy", null)).total()).isZero();
    }

    @Test
    void countCountsOnlyTheContactsTheCallerMayRead() {
        fixture.permissions.own("ann", "contacts:read");

        assertThat(service.count()).isEqualTo(1);
    }

    @Test
    void findRefusesAContactOutsideTheReadScopeAsNotFoundMarkedOutOfScope() {
        fixture.permissions.own("ann", "contacts:read");

        assertThat(service.find(annsContact.id())).isPresent();
        assertThatThrownBy(() -> service.find(bobsContact.id())).isInstanceOfSatisfying(NotFoundException.class,
                refusal -> assertThat(refusal.outOfScope()).isTrue()).hasMessage("contact " + bobsContact.id()
                        + " not found");
        assertThat(service.find(java.util.UUID.randomUUID())).isEmpty();
    }

    @Test
    void createNeedsTheWriteScopeAndANewOwnerWithinIt() {
        fixture.permissions.team("ann", Set.of("bob"), "contacts:read", "contacts:write");

        assertThat(service.create(draft("Own", null, null)).owner()).isEqualTo("ann");
        assertThat(service.create(draft("Mate", null, "bob")).owner()).isEqualTo("bob");
        assertThatThrownBy(() -> service.create(draft("Other", null, "cy"))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("may not give records to that owner");
        fixture.permissions.revokeAll("ann");
        assertThatThrownBy(() -> service.create(draft("None", null, null))).isInstanceOf(AccessDeniedException.class)
                .hasMessage("this needs the permission contacts:write");
        assertThat(fixture.contactRows.rows).hasSize(5);
    }

    @Test
    void aCompanyTheCallerMayNotReadIsReportedLikeOneThatDoesNotExist() {
        fixture.permissions.all("ann", "contacts:read", "contacts:write").own("ann", "companies:read");
        Company hers = fixture.storeCompany("Hers", "ann");
        Company bobs = fixture.storeCompany("Bobs", "bob");

        assertThat(service.create(draft("Ok", hers.id(), null)).companyId()).isEqualTo(hers.id());
        for (UUID unknown : List.of(bobs.id(), UUID.randomUUID())) {
            assertThatThrownBy(() -> service.create(draft("No", unknown, null)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .containsExactly(new FieldError("companyId", "no such company")));
            assertThatThrownBy(() -> service.update(annsContact.id(), -1, draft("No", unknown, null)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .containsExactly(new FieldError("companyId", "no such company")));
        }
    }

    @Test
    void anUpdateMayKeepACompanyTheCallerCannotReadButNotNameANewOne() {
        fixture.permissions.all("ann", "contacts:read", "contacts:write");
        Company bobs = fixture.storeCompany("Bobs", "bob");
        Contact atBobs = fixture.storeContact("Dora", "ann", null, null, bobs.id());

        assertThat(service.update(atBobs.id(), -1, draft("Dorothea", bobs.id(), null)).companyId()).isEqualTo(bobs.id());
    }

    @Test
    void updatingAContactOutsideTheReadScopeIsNotFoundWhateverTheVersion() {
        fixture.permissions.own("ann", "contacts:read").all("ann", "contacts:write");

        assertThatThrownBy(() -> service.update(bobsContact.id(), 99, draft("X", null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixture.contactRows.rows.get(bobsContact.id()).firstName()).isEqualTo("Bobby");
    }

    @Test
    void updatingAReadableContactOutsideTheWriteScopeIsRefused() {
        fixture.permissions.all("ann", "contacts:read").own("ann", "contacts:write");

        assertThat(service.update(annsContact.id(), -1, draft("Annie", null, null)).firstName()).isEqualTo("Annie");
        assertThatThrownBy(() -> service.update(bobsContact.id(), -1, draft("X", null, null)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("contacts:write");
        fixture.permissions.revokeAll("ann").all("ann", "contacts:read");
        assertThatThrownBy(() -> service.update(annsContact.id(), -1, draft("X", null, null)))
                .isInstanceOf(AccessDeniedException.class).hasMessage("this needs the permission contacts:write");
        assertThat(fixture.contactRows.rows.get(bobsContact.id()).firstName()).isEqualTo("Bobby");
    }

    @Test
    void anUpdateMayHandAContactOnlyToAnOwnerWithinTheWriteScope() {
        fixture.permissions.all("ann", "contacts:read").team("ann", Set.of("bob"), "contacts:write");

        assertThatThrownBy(() -> service.update(annsContact.id(), -1, draft("Anna", null, "cy")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("may not give records to that owner");
        assertThat(service.update(annsContact.id(), -1, draft("Anna", null, "bob")).owner()).isEqualTo("bob");
    }

    @Test
    void deletingAContactOutsideTheReadScopeIsNotFoundOutOfScopeAndKeepsIt() {
        fixture.permissions.own("ann", "contacts:read").all("ann", "contacts:delete");

        assertThatThrownBy(() -> service.delete(bobsContact.id(), 99)).isInstanceOfSatisfying(NotFoundException.class,
                refusal -> assertThat(refusal.outOfScope()).isTrue());
        assertThat(fixture.contactRows.rows).containsKey(bobsContact.id());
    }

    @Test
    void deletingAReadableContactOutsideTheDeleteScopeIsRefused() {
        fixture.permissions.all("ann", "contacts:read").own("ann", "contacts:delete");

        assertThatThrownBy(() -> service.delete(cysContact.id(), -1)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("contacts:delete");
        assertThat(service.delete(annsContact.id(), -1)).isTrue();
        fixture.permissions.revokeAll("ann").all("ann", "contacts:read");
        assertThatThrownBy(() -> service.delete(bobsContact.id(), -1)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("this needs the permission contacts:delete");
        assertThat(fixture.contactRows.rows).containsKeys(bobsContact.id(), cysContact.id());
    }

    private static ContactDraft draft(String firstName, UUID companyId, String owner) {
        return new ContactDraft(firstName, "Lee", null, companyId, null, null, null, null, owner, null, null);
    }
}
