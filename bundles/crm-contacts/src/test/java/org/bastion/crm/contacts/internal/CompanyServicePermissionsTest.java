package org.bastion.crm.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.companies.CompanyDraft;
import org.bastion.crm.api.companies.CompanyQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The record scopes of ADR 8 as the company service applies them. */
class CompanyServicePermissionsTest {

    private static final CompanyQuery ALL = new CompanyQuery(null, null, null, null);

    private final ServiceFixture fixture = new ServiceFixture();
    private final CompanyServiceImpl service = fixture.companies;
    private Company annsCompany;
    private Company bobsCompany;
    private Company cysCompany;

    @BeforeEach
    void seed() {
        annsCompany = fixture.storeCompany("Alpha", "ann");
        bobsCompany = fixture.storeCompany("Beta", "bob");
        cysCompany = fixture.storeCompany("Gamma", "cy");
        fixture.actAs("ann");
    }

    @Test
    void withoutAPermissionsServiceOnlyAdminsAndTheSystemMayDoAnything() {
        service.permissions = null;

        assertThatThrownBy(() -> service.search(ALL)).isInstanceOf(AccessDeniedException.class);
        service.callerContext = () -> new Caller("root", null, Set.of("admin"), true);
        assertThat(service.search(ALL).total()).isEqualTo(3);
    }

    @Test
    void aCallerWithoutAnyReadScopeIsRefusedSearchAndFind() {
        assertThatThrownBy(() -> service.search(ALL)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("this needs the permission companies:read");
        assertThatThrownBy(() -> service.find(annsCompany.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void searchItemsAndTotalsCoverTheReadScopeOnly() {
        fixture.permissions.team("ann", Set.of("bob"), "companies:read");

        Page<Company> page = service.search(ALL);
        assertThat(page.items()).extracting(Company::name).containsExactly("Alpha", "Beta");
        assertThat(page.total()).isEqualTo(2);
        assertThat(service.search(new CompanyQuery("gamma", null, null, null)).total()).isZero();
    }

    @Test
    void findRefusesACompanyOutsideTheReadScopeAsNotFoundMarkedOutOfScope() {
        fixture.permissions.own("ann", "companies:read");

        assertThat(service.find(annsCompany.id())).isPresent();
        assertThatThrownBy(() -> service.find(bobsCompany.id())).isInstanceOfSatisfying(NotFoundException.class,
                refusal -> assertThat(refusal.outOfScope()).isTrue());
    }

    @Test
    void createNeedsTheWriteScopeAndANewOwnerWithinIt() {
        fixture.permissions.own("ann", "companies:write");

        assertThat(service.create(new CompanyDraft("Mine", null, null, null, null)).owner()).isEqualTo("ann");
        assertThatThrownBy(() -> service.create(new CompanyDraft("Bobs", null, null, null, "bob")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("may not give records to that owner");
        fixture.permissions.revokeAll("ann");
        assertThatThrownBy(() -> service.create(new CompanyDraft("None", null, null, null, null)))
                .isInstanceOf(AccessDeniedException.class).hasMessage("this needs the permission companies:write");
    }

    @Test
    void updateIsNotFoundOutsideTheReadScopeAndRefusedOutsideTheWriteScope() {
        fixture.permissions.team("ann", Set.of("bob"), "companies:read").own("ann", "companies:write");

        assertThatThrownBy(() -> service.update(cysCompany.id(), 99, draft("X", null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.update(bobsCompany.id(), -1, draft("X", null)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("companies:write");
        assertThatThrownBy(() -> service.update(annsCompany.id(), -1, draft("Alpha", "cy")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("may not give records to that owner");
        assertThat(service.update(annsCompany.id(), -1, draft("Alpha AG", null)).name()).isEqualTo("Alpha AG");
        assertThat(fixture.companyRows.rows.get(bobsCompany.id()).name()).isEqualTo("Beta");
    }

    @Test
    void deleteIsNotFoundOutOfScopeOutsideTheReadScopeAndIsRefusedOutsideTheDeleteScope() {
        fixture.permissions.team("ann", Set.of("bob"), "companies:read").own("ann", "companies:delete");

        assertThatThrownBy(() -> service.delete(cysCompany.id(), 99)).isInstanceOfSatisfying(NotFoundException.class,
                refusal -> assertThat(refusal.outOfScope()).isTrue());
        assertThatThrownBy(() -> service.delete(bobsCompany.id(), -1)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("companies:delete");
        assertThat(service.delete(annsCompany.id(), -1)).isTrue();
        assertThat(fixture.companyRows.rows).containsOnlyKeys(bobsCompany.id(), cysCompany.id());
    }

    @Test
    void theRefusalToDeleteACompanyWithContactsCountsAllButSaysNotHowMany() {
        fixture.permissions.all("ann", "companies:read", "companies:delete");
        fixture.storeContact("Hidden", "cy", null, null, annsCompany.id());
        fixture.storeContact("Hidden too", "cy", null, null, annsCompany.id());

        assertThatThrownBy(() -> service.delete(annsCompany.id(), -1)).isInstanceOf(ConflictException.class)
                .hasMessage("company " + annsCompany.id() + " still has contacts; move or delete them first");
        assertThat(fixture.companyRows.rows).containsKey(annsCompany.id());
    }

    private static CompanyDraft draft(String name, String owner) {
        return new CompanyDraft(name, null, null, null, owner);
    }
}
