package org.bastion.crm.contacts.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.companies.CompanyQuery;
import org.bastion.crm.api.companies.CompanyService;
import org.bastion.crm.shell.CrmAction;
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

        ShellTable table = new ShellTable().emptyTableText("no companies match");
        table.column("ID");
        table.column("Name").maxSize(40);
        table.column("Domain").maxSize(40);
        table.column("Owner");
        table.column("Tags").maxSize(30);
        table.column("Updated");
        for (Company company : result.items()) {
            table.addRow().addContent(company.id(), ShellFormat.cell(company.name()), ShellFormat.cell(company.domain()),
                    ShellFormat.cell(company.owner()), ShellFormat.tags(company.tags()),
                    ShellText.timestamp(company.updatedAt()));
        }
        table.print(out());
        out().println(ShellFormat.pageLine(result, "company", "companies"));
    }
}
