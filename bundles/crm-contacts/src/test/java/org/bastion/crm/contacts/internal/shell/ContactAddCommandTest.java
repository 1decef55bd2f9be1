package org.bastion.crm.contacts.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.bastion.crm.api.contacts.ContactDraft;
import org.bastion.crm.api.contacts.EmailAddress;
import org.bastion.crm.api.contacts.PhoneNumber;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactAddCommandTest {

    private final FakeContactService service = new FakeContactService();
    private final ContactAddCommand command = new ContactAddCommand();

    @BeforeEach
    void setUp() {
        command.contacts = service;
    }

    @Test
    void createsTheContactFromEveryOptionAndPrintsTheNewId() {
        command.firstName = "Ann";
        command.lastName = "Archer";
        command.title = "CFO";
        command.emails = List.of("ann@acme.example", "home:ann@home.example");
        command.phones = List.of("mobile:+49 170 1234567", "030 123456");
        command.tags = List.of("vip", "lead");
        command.owner = "carol";
        command.notes = "Met at the fair";
        command.birthday = "1990-01-02";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.err()).isEmpty();
        UUID id = UUID.fromString(output.outLines().get(0));
        assertThat(service.stored).containsKey(id);
        ContactDraft draft = service.lastDraft;
        assertThat(draft.firstName()).isEqualTo("Ann");
        assertThat(draft.lastName()).isEqualTo("Archer");
        assertThat(draft.title()).isEqualTo("CFO");
        assertThat(draft.emails()).containsExactly(new EmailAddress("work", "ann@acme.example", true),
                new EmailAddress("home", "ann@home.example", false));
        assertThat(draft.phones()).containsExactly(new PhoneNumber("mobile", "+49 170 1234567"),
                new PhoneNumber("work", "030 123456"));
        assertThat(draft.tags()).containsExactlyInAnyOrder("vip", "lead");
        assertThat(draft.owner()).isEqualTo("carol");
        assertThat(draft.notes()).isEqualTo("Met at the fair");
        assertThat(draft.birthday()).isEqualTo(LocalDate.of(1990, 1, 2));
        assertThat(draft.companyId()).isNull();
    }

    @Test
    void leavesUnsetOptionsEmptySoTheServiceAppliesItsDefaults() {
        command.lastName = "Solo";

        ShellOutput.run(command);

        ContactDraft draft = service.lastDraft;
        assertThat(draft.owner()).isNull();
        assertThat(draft.emails()).isEmpty();
        assertThat(draft.phones()).isEmpty();
        assertThat(draft.tags()).isEmpty();
        assertThat(draft.birthday()).isNull();
    }

    @Test
    void reportsTheServicesValidationErrorInOneLine() {
        command.lastName = "Archer";
        command.emails = List.of("not-an-address");

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.out()).isEmpty();
        assertThat(output.errLines()).containsExactly("Error: emails[0].address: not a valid e-mail address");
    }

    @Test
    void reportsSeveralValidationErrorsTogetherInOneLine() {
        command.emails = List.of("first-bad", "second-bad");

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).containsExactly("Error: emails[0].address: not a valid e-mail address; "
                + "emails[1].address: not a valid e-mail address");
    }

    @Test
    void rejectsABirthdayThatIsNotAnIsoDateBeforeCallingTheService() {
        command.lastName = "Archer";
        command.birthday = "02/01/1990";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).containsExactly("Error: birthday: not a valid date (expected yyyy-mm-dd): '02/01/1990'");
        assertThat(service.lastDraft).isNull();
    }

    @Test
    void rejectsACompanyThatIsNotAUuid() {
        command.company = "Acme";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).singleElement().asString().startsWith("Error: company: not a valid id");
        assertThat(service.lastDraft).isNull();
    }

    @Test
    void reportsAnUnknownCompanyInOneLine() {
        UUID company = UUID.fromString("11111111-2222-3333-4444-555555555555");
        command.company = company.toString();

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).containsExactly("Error: company " + company + " not found");
    }

    @Test
    void splitsAnOptionalLabelFromAValue() {
        assertThat(ContactAddCommand.split("Mobile: +1 555 0100")).containsExactly("mobile", "+1 555 0100");
        assertThat(ContactAddCommand.split("+1 555 0100")).containsExactly("work", "+1 555 0100");
        assertThat(ContactAddCommand.split(" ann@example.com ")).containsExactly("work", "ann@example.com");
    }

    @Test
    void refusesUnsafeTextWithOneClearErrorLineFromTheRealServiceAndStoresNothing() {
        org.bastion.crm.contacts.internal.ServiceFixture fixture = new org.bastion.crm.contacts.internal.ServiceFixture();
        fixture.permissions.all("system", "contacts:write");
        command.contacts = fixture.contacts;
        command.firstName = "Eve\u001b]0;pwned\u0007";
        command.notes = "fine\non two lines";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.out()).isEmpty();
        assertThat(output.errLines()).containsExactly(
                "Error: firstName: must not contain control characters (U+001B at position 4)");
        assertThat(output.err()).doesNotContain("\u001b", "Exception", "\tat ");
        assertThat(fixture.contactRows.count(null)).isZero();
    }
}
