package com.example.deals.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellInput;
import org.bastion.crm.shell.ShellTable;

import com.example.deals.Deal;
import com.example.deals.DealQuery;
import com.example.deals.DealService;

/** {@code deals:list}: one page of deals as a table, filtered by stage and owner. */
@Service
@Command(scope = "deals", name = "list", description = "Lists deals, one page at a time")
public class DealListCommand extends CrmAction {

    @Reference
    DealService deals;

    @Option(name = "--stage", description = "Only deals in this stage (LEAD, QUALIFIED, PROPOSAL, NEGOTIATION, WON, LOST)")
    String stage;

    @Option(name = "--owner", description = "Only deals owned by this user id")
    String owner;

    @Option(name = "--page", description = "Page number, counted from 1")
    int page = 1;

    @Option(name = "--size", description = "Deals per page, 1 to " + PageRequest.MAX_SIZE)
    int size = PageRequest.DEFAULT_SIZE;

    @Option(name = "--sort", description = "Sort keys, comma separated, '-' for descending: createdAt (the default),"
            + " updatedAt, title, amount, closeDate, stage")
    String sort;

    // tag::list-command[]
    @Override
    protected void run() {
        Page<Deal> result = deals.search(new DealQuery(DealShellFields.stage(stage), ShellInput.blankToNull(owner), null,
                ShellInput.page(page, size, sort)));
        ShellTable table = ShellTable.empty("no deals match").column("ID").column("Title", 40).column("Amount")
                .column("Stage").column("Close date").column("Owner");
        for (Deal deal : result.items()) {
            table.row(deal.id(), deal.title(), deal.amount().toPlainString() + " " + deal.currency(), deal.stage(),
                    deal.closeDate(), deal.owner());
        }
        table.print(out(), result, "deal", "deals");
    }
    // end::list-command[]
}
