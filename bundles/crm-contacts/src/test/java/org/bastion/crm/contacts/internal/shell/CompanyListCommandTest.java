package org.bastion.crm.contacts.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.companies.CompanyDraft;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CompanyListCommandTest {

    private final FakeCompanyService service = new FakeCompanyService();
    private final CompanyListCommand command = new CompanyListCommand();
    private Company acme;

    @BeforeEach
    void setUp() {
        command.companies = service;
        acme = service.create(new CompanyDraft("Acme Ltd", "acme.example", null, Set.of("customer", "b2b"), "carol"));
        service.create(new CompanyDraft("Globex", null, null, null, null));
    }

    @Test
    void printsOneRowPerCompanyAndThePageLine() {
        ShellOutput output = ShellOutput.run(command);

        assertThat(output.err()).isEmpty();
        assertThat(output.outLines().get(0)).contains("ID", "Name", "Domain", "Owner", "Tags", "Updated");
        assertThat(output.outLines()).anySatisfy(line -> assertThat(line)
                .contains(acme.id().toString(), "Acme Ltd", "acme.example", "carol", "b2b,customer", "2025-03-01 10:15:30Z"));
        assertThat(output.outLines()).anySatisfy(line -> assertThat(line).contains("Globex", "alice"));
        assertThat(output.outLines()).last().isEqualTo("page 1 of 1, 2 companies");
    }

    @Test
    void passesFiltersPagingAndSortToTheService() {
        command.query = "acme";
        command.tag = "b2b";
        command.owner = "carol";
        command.page = 3;
        command.size = 10;
        command.sort = "-name";

        ShellOutput.run(command);

        assertThat(service.lastQuery.text()).isEqualTo("acme");
        assertThat(service.lastQuery.tag()).isEqualTo("b2b");
        assertThat(service.lastQuery.owner()).isEqualTo("carol");
        assertThat(service.lastQuery.page().page()).isEqualTo(2);
        assertThat(service.lastQuery.page().size()).isEqualTo(10);
        assertThat(service.lastQuery.page().sort()).containsExactly(new SortKey("name", false));
    }

    @Test
    void treatsBlankFiltersAsNoFilter() {
        command.query = "  ";
        command.tag = "";

        ShellOutput.run(command);

        assertThat(service.lastQuery.text()).isNull();
        assertThat(service.lastQuery.tag()).isNull();
    }

    @Test
    void rejectsAPageSizeOfZeroInOneLine() {
        command.size = 0;

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.out()).isEmpty();
        assertThat(output.errLines()).containsExactly("Error: size: must be between 1 and 200");
    }
}
