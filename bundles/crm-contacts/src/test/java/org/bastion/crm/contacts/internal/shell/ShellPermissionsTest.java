package org.bastion.crm.contacts.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.contacts.internal.ServiceFixture;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shell commands over the real services: they print nothing the services hide, and refusals as one line. */
class ShellPermissionsTest {

    private final ServiceFixture fixture = new ServiceFixture();
    private Company bobsCompany;
    private Contact annsContact;
    private Contact bobsContact;
    private Contact cysContact;

    @BeforeEach
    void seed() {
        bobsCompany = fixture.storeCompany("Beta Ltd", "bob");
        annsContact = fixture.storeContact("Anna", "ann", "likes tea", LocalDate.of(1980, 4, 1), bobsCompany.id());
        bobsContact = fixture.storeContact("Bobby", "bob", "owes us", null, null);
        cysContact = fixture.storeContact("Cyril", "cy", "secret", null, null);
        fixture.actAs("ann").permissions.team("ann", Set.of("bob"), "contacts:read").own("ann", "contacts:write",
                "contacts:delete");
    }

    @Test
    void contactShowPrintsNoHiddenFieldAndOnlyTheIdOfACompanyTheCallerMayNotRead() {
        ShellOutput output = ShellOutput.run(show(annsContact));

        assertThat(output.err()).isEmpty();
        assertThat(output.out()).doesNotContain("likes tea").doesNotContain("1980").doesNotContain("Beta Ltd");
        assertThat(output.outLines()).contains("Notes:            ", "Birthday:         ",
                "Company:          " + bobsCompany.id());
    }

    @Test
    void contactShowOfAnInvisibleContactSaysNotFoundOnOneLine() {
        ShellOutput output = ShellOutput.run(show(cysContact));

        assertThat(output.out()).isEmpty();
        assertThat(output.errLines()).containsExactly("Error: contact " + cysContact.id() + " not found");
    }

    @Test
    void contactListListsAndCountsTheReadScopeOnly() {
        ContactListCommand list = new ContactListCommand();
        list.contacts = fixture.contacts;

        ShellOutput output = ShellOutput.run(list);

        assertThat(output.out()).contains("Anna", "Bobby").doesNotContain("Cyril");
        assertThat(output.outLines()).last().isEqualTo("page 1 of 1, 2 contacts");
    }

    @Test
    void withoutAnyReadScopeListingFailsWithOneLineNamingThePermission() {
        ContactListCommand contacts = new ContactListCommand();
        contacts.contacts = fixture.contacts;
        CompanyListCommand companies = new CompanyListCommand();
        companies.companies = fixture.companies;
        fixture.permissions.revokeAll("ann");

        assertThat(ShellOutput.run(contacts).errLines()).containsExactly("Error: this needs the permission contacts:read");
        assertThat(ShellOutput.run(companies).errLines())
                .containsExactly("Error: this needs the permission companies:read");
    }

    @Test
    void contactDeleteSaysNotFoundForAnInvisibleContactAndRefusesAVisibleOneOutsideTheDeleteScope() {
        ShellOutput invisible = ShellOutput.run(delete(cysContact));
        ShellOutput notDeletable = ShellOutput.run(delete(bobsContact));

        assertThat(invisible.errLines()).containsExactly("Error: no contact with id " + cysContact.id()
                + "; nothing deleted");
        assertThat(notDeletable.out()).isEmpty();
        assertThat(notDeletable.errLines())
                .containsExactly("Error: this needs the permission contacts:delete for this record");
        assertThat(fixture.contactRows.find(bobsContact.id())).isPresent();
    }

    @Test
    void contactAddWithNotesButWithoutWriteSensitiveIsRefusedOnOneLine() {
        ContactAddCommand add = new ContactAddCommand();
        add.contacts = fixture.contacts;
        add.firstName = "Dora";
        add.notes = "private";

        ShellOutput output = ShellOutput.run(add);

        assertThat(output.out()).isEmpty();
        assertThat(output.errLines()).containsExactly("Error: writing notes needs contacts:write-sensitive");
    }

    private ContactShowCommand show(Contact contact) {
        ContactShowCommand command = new ContactShowCommand();
        command.contacts = fixture.contacts;
        command.companies = fixture.companies;
        command.id = contact.id().toString();
        return command;
    }

    private ContactDeleteCommand delete(Contact contact) {
        ContactDeleteCommand command = new ContactDeleteCommand();
        command.contacts = fixture.contacts;
        command.id = contact.id().toString();
        return command;
    }
}
