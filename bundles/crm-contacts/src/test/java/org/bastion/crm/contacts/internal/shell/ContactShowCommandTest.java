package org.bastion.crm.contacts.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.companies.CompanyDraft;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactDraft;
import org.bastion.crm.api.contacts.EmailAddress;
import org.bastion.crm.api.contacts.PhoneNumber;
import org.bastion.crm.api.contacts.PostalAddress;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactShowCommandTest {

    private final FakeContactService contacts = new FakeContactService();
    private final FakeCompanyService companies = new FakeCompanyService();
    private final ContactShowCommand command = new ContactShowCommand();
    private Company acme;
    private Contact ann;

    @BeforeEach
    void setUp() {
        command.contacts = contacts;
        command.companies = companies;
        acme = companies.create(new CompanyDraft("Acme Ltd", "acme.example", null, null, null));
        ann = contacts.add(new ContactDraft("Ann", "Archer", "Head of Sales", acme.id(),
                List.of(new EmailAddress("work", "ann@acme.example", true), new EmailAddress("home", "ann@home.example", false)),
                List.of(new PhoneNumber("mobile", "+4917012345678")),
                List.of(new PostalAddress("work", "1 Main St", "Springfield", "IL", "62701", "US")),
                Set.of("vip"), "alice", "Met at the fair", LocalDate.of(1990, 1, 2)));
    }

    @Test
    void printsEveryFieldOfTheContact() {
        command.id = ann.id().toString();

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.err()).isEmpty();
        assertThat(output.outLines()).contains(
                "ID:               " + ann.id(),
                "First name:       Ann",
                "Last name:        Archer",
                "Title:            Head of Sales",
                "Company:          Acme Ltd (" + acme.id() + ")",
                "Owner:            alice",
                "Tags:             vip",
                "Birthday:         1990-01-02",
                "Notes:            Met at the fair",
                "Created:          2025-03-01 10:15:30Z",
                "Updated:          2025-03-01 10:15:30Z",
                "Version:          0");
    }

    @Test
    void listsEmailsPhonesAndAddressesMarkingThePrimaryEmail() {
        command.id = ann.id().toString();

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.out()).contains(
                "E-mail addresses:\n  [work] ann@acme.example (primary)\n  [home] ann@home.example\n",
                "Phone numbers:\n  [mobile] +4917012345678\n",
                "Postal addresses:\n  [work] 1 Main St, 62701 Springfield, IL, US\n");
    }

    @Test
    void showsNoneForEmptyListsAndTheBareCompanyIdWhenCompaniesAreUnavailable() {
        UUID unknownCompany = UUID.randomUUID();
        Contact bare = contacts.add(new ContactDraft("Bob", null, null, unknownCompany, null, null, null, null, null, null, null));
        command.companies = null;
        command.id = bare.id().toString();

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.outLines()).contains("Company:          " + unknownCompany, "E-mail addresses: (none)",
                "Phone numbers:    (none)", "Postal addresses: (none)", "Birthday:         ");
    }

    @Test
    void indentsMultiLineNotesAndNeutralisesControlCharacters() {
        Contact odd = contacts.add(new ContactDraft("Eve\u001b[31m", null, null, null, null, null, null, null, null,
                "first line\nsecond line", null));
        command.id = odd.id().toString();

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.out()).doesNotContain("\u001b");
        assertThat(output.outLines()).contains("First name:       Eve\\u001B[31m", "Notes:            first line",
                "                  second line");
    }

    @Test
    void reportsAnUnknownIdInOneLine() {
        UUID unknown = UUID.fromString("11111111-2222-3333-4444-555555555555");
        command.id = unknown.toString();

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.out()).isEmpty();
        assertThat(output.errLines()).containsExactly("Error: contact " + unknown + " not found");
    }

    @Test
    void reportsAnIdThatIsNotAUuidInOneLine() {
        command.id = "12345";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.out()).isEmpty();
        assertThat(output.errLines()).singleElement().asString().startsWith("Error: id: not a valid id").endsWith("'12345'");
    }
}
