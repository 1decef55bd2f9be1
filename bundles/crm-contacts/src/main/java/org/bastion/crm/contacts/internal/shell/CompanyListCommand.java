package org.bastion.crm.contacts.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.companies.CompanyQuery;
import org.bastion.crm.api.companies.CompanyService;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellInput;
import org.bastion.crm.shell.ShellTable;
import org.bastion.crm.shell.ShellText;

/**
 * {@code crm:company-list}: one page of companies as a table, filtered by text, tag and owner.
 */
@Service
@Command(scope = "crm", name = "company-list", description = "Lists companies, one page at a time")
public class CompanyListCommand extends CrmAction {

    @Reference
    CompanyService companies;

    @Option(name = "--query", aliases = "-q", description = "Words to find in names and web domains")
    String query;

    @Option(name = "--tag", description = "Only companies carrying this tag")
    String tag;

    @Option(name = "--owner", description = "Only companies owned by this user id")
    String owner;

    @Option(name = "--page", description = "Page number, counted from 1")
    int page = 1;

    @Option(name = "--size", description = "Companies per page, 1 to " + PageRequest.MAX_SIZE)
    int size = PageRequest.DEFAULT_SIZE;

    @Option(name = "--sort", description = "Sort keys, comma separated, '-' for descending: "
            + "name, domain, createdAt, updatedAt (e.g. name or -updatedAt)")
    String sort;

    @Override
    protected void run() {
        CompanyQuery companyQuery = new CompanyQuery(ShellInput.blankToNull(query), ShellInput.blankToNull(tag),
                ShellInput.blankToNull(owner), ShellInput.page(page, size, sort));
        Page<Company> result = companies.search(companyQuery);

        ShellTable table = ShellTable.empty("no companies match").column("ID").column("Name", 40).column("Domain", 40)
                .column("Owner").column("Tags", 30).column("Updated");
        for (Company company : result.items()) {
            table.row(company.id(), company.name(), company.domain(), company.owner(), ShellTable.list(company.tags()),
                    ShellText.timestamp(company.updatedAt()));
        }
        table.print(out(), result, "company", "companies");
    }
}
