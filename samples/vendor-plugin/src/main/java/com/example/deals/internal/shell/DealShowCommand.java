package com.example.deals.internal.shell;

import java.util.UUID;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellInput;
import org.bastion.crm.shell.ShellText;

import com.example.deals.Deal;
import com.example.deals.DealService;

/** {@code deals:show}: every field of one deal the caller may read, notes included when the caller may read them. */
@Service
@Command(scope = "deals", name = "show", description = "Shows one deal")
public class DealShowCommand extends CrmAction {

    @Reference
    DealService deals;

    @Argument(index = 0, name = "id", description = "The deal's id", required = true)
    String id;

    @Override
    protected void run() throws CommandException {
        UUID dealId = ShellInput.uuid("id", id);
        Deal deal = deals.find(dealId).orElseThrow(() -> failure("no deal with id " + dealId));
        line("ID", deal.id());
        line("Title", deal.title());
        line("Amount", deal.amount().toPlainString() + " " + deal.currency());
        line("Stage", deal.stage());
        line("Close date", deal.closeDate());
        line("Contact", deal.contactId());
        line("Owner", deal.owner());
        line("Version", deal.version());
        line("Created", ShellText.timestamp(deal.createdAt()));
        line("Updated", ShellText.timestamp(deal.updatedAt()));
        if (deal.notes() != null) {
            out().println("Notes:");
            out().println(ShellText.text(deal.notes()));
        }
    }

    private void line(String label, Object value) {
        out().printf("%-11s %s%n", label + ":", ShellText.cell(value));
    }
}
