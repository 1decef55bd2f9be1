package org.bastion.crm.contacts.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactDraft;
import org.bastion.crm.api.contacts.EmailAddress;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactDeleteCommandTest {

    private final FakeContactService service = new FakeContactService();
    private final ContactDeleteCommand command = new ContactDeleteCommand();

    @BeforeEach
    void setUp() {
        command.contacts = service;
    }

    @Test
    void deletesTheContactWhateverItsVersionAndSaysWhichOneWasDeleted() {
        Contact ann = service.add(new ContactDraft("Ann", "Archer", null, null,
                List.of(new EmailAddress("work", "ann@acme.example", true)), null, null, null, null, null, null));
        command.id = ann.id().toString();

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.err()).isEmpty();
        assertThat(output.outLines()).containsExactly("Deleted contact " + ann.id() + " (Ann Archer <ann@acme.example>)");
        assertThat(service.stored).doesNotContainKey(ann.id());
        assertThat(service.lastDeleteVersion).isNegative();
    }

    @Test
    void printsTheDeletedContactsStoredNameTerminalSafe() {
        Contact eve = service.add(new ContactDraft("Eve\u001b[2J", "\u202Eevil", null, null,
                List.of(new EmailAddress("work", "eve@acme.example", true)), null, null, null, null, null, null));
        command.id = eve.id().toString();

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.out()).doesNotContain("\u001b", "\u202E");
        assertThat(output.outLines()).containsExactly("Deleted contact " + eve.id()
                + " (Eve\\u001B[2J \\u202Eevil <eve@acme.example>)");
    }

    @Test
    void saysThereIsNoSuchContactWhenTheIdIsUnknown() {
        UUID unknown = UUID.fromString("11111111-2222-3333-4444-555555555555");
        command.id = unknown.toString();

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.out()).isEmpty();
        assertThat(output.errLines()).containsExactly("Error: no contact with id " + unknown + "; nothing deleted");
    }

    @Test
    void rejectsAnIdThatIsNotAUuidWithoutDeletingAnything() {
        Contact ann = service.add(new ContactDraft("Ann", null, null, null, null, null, null, null, null, null, null));
        command.id = "ann";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).singleElement().asString().startsWith("Error: id: not a valid id");
        assertThat(service.stored).containsKey(ann.id());
    }
}
