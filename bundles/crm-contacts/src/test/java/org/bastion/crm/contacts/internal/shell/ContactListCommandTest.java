package org.bastion.crm.contacts.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactDraft;
import org.bastion.crm.api.contacts.EmailAddress;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactListCommandTest {

    private final FakeContactService service = new FakeContactService();
    private final ContactListCommand command = new ContactListCommand();
    private final UUID acme = UUID.fromString("00000000-0000-0000-0000-0000000000ac");
    private Contact ann;
    private Contact bob;

    @BeforeEach
    void setUp() {
        command.contacts = service;
        ann = service.add(new ContactDraft("Ann", "Archer", null, acme,
                List.of(new EmailAddress("home", "ann@home.example", false), new EmailAddress("work", "ann@acme.example", true)),
                null, null, Set.of("vip", "lead"), "alice", null, LocalDate.of(1990, 1, 2)));
        bob = service.add(new ContactDraft("Bob", "Baker", null, null, null, null, null, null, "bert", null, null));
    }

    @Test
    void printsOneRowPerContactWithPrimaryEmailCompanyOwnerTagsAndUpdateTime() {
        ShellOutput output = ShellOutput.run(command);

        assertThat(output.err()).isEmpty();
        String annRow = rowOf(output, ann.id());
        assertThat(annRow).contains("Ann Archer", "ann@acme.example", acme.toString(), "alice", "lead,vip",
                "2025-03-01 10:15:30Z");
        assertThat(annRow).doesNotContain("ann@home.example");
        assertThat(rowOf(output, bob.id())).contains("Bob Baker", "bert", "2025-03-01 10:15:31Z");
        assertThat(output.outLines().get(0)).contains("ID", "Name", "Primary email", "Company", "Owner", "Tags", "Updated");
        assertThat(output.outLines()).last().isEqualTo("page 1 of 1, 2 contacts");
    }

    @Test
    void passesFiltersAndSortToTheServiceAndCountsPagesFromOne() {
        command.query = "ann";
        command.tag = "vip";
        command.company = acme.toString();
        command.owner = "alice";
        command.page = 2;
        command.size = 5;
        command.sort = "lastName,-updatedAt";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.err()).isEmpty();
        assertThat(service.lastQuery.text()).isEqualTo("ann");
        assertThat(service.lastQuery.tag()).isEqualTo("vip");
        assertThat(service.lastQuery.companyId()).isEqualTo(acme);
        assertThat(service.lastQuery.owner()).isEqualTo("alice");
        assertThat(service.lastQuery.page().page()).isEqualTo(1);
        assertThat(service.lastQuery.page().size()).isEqualTo(5);
        assertThat(service.lastQuery.page().sort())
                .containsExactly(new SortKey("lastName", true), new SortKey("updatedAt", false));
    }

    @Test
    void reportsWhichPageOfHowManyIsShown() {
        command.page = 2;
        command.size = 1;

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.outLines()).last().isEqualTo("page 2 of 2, 2 contacts");
        assertThat(output.out()).contains(ann.id().toString()).doesNotContain(bob.id().toString());
    }

    @Test
    void saysSoWhenNothingMatches() {
        command.tag = "nobody-has-this";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.out()).contains("no contacts match");
        assertThat(output.outLines()).last().isEqualTo("page 1 of 1, 0 contacts");
    }

    @Test
    void rejectsACompanyThatIsNotAUuidInOneLine() {
        command.company = "acme";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.out()).isEmpty();
        assertThat(output.errLines()).singleElement().asString()
                .startsWith("Error: company: not a valid id").contains("'acme'");
        assertThat(service.lastQuery).isNull();
    }

    @Test
    void rejectsAPageSizeOverTheMaximumInOneLine() {
        command.size = 500;

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).containsExactly("Error: size: must be between 1 and 200");
    }

    @Test
    void rejectsPageZeroBecausePagesCountFromOne() {
        command.page = 0;

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).containsExactly("Error: page: must be 1 or more");
    }

    @Test
    void reportsAServiceValidationErrorSuchAsAnUnknownSortFieldInOneLine() {
        service.failure = org.bastion.crm.api.ValidationException.of("sort", "unknown field 'shoeSize'");
        command.sort = "shoeSize";

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.out()).isEmpty();
        assertThat(output.errLines()).containsExactly("Error: sort: unknown field 'shoeSize'");
    }

    private static String rowOf(ShellOutput output, UUID id) {
        return output.outLines().stream().filter(line -> line.contains(id.toString())).findFirst().orElseThrow();
    }
}
