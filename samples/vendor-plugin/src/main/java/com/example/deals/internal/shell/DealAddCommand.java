package com.example.deals.internal.shell;

import java.math.BigDecimal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellInput;
import org.bastion.crm.shell.ShellText;

import com.example.deals.Deal;
import com.example.deals.DealDraft;
import com.example.deals.DealService;

// tag::shell-command[]
/** {@code deals:add}: creates a deal and prints its id; the deal service checks the caller's permissions. */
@Service
@Command(scope = "deals", name = "add", description = "Creates a deal")
public class DealAddCommand extends CrmAction {

    @Reference
    DealService deals;

    @Option(name = "--title", description = "What is being sold", required = true)
    String title;

    @Option(name = "--amount", description = "The value, such as 1200.50", required = true)
    String amount;

    @Option(name = "--currency", description = "ISO 4217 code, such as EUR", required = true)
    String currency;

    @Option(name = "--stage", description = "LEAD (the default), QUALIFIED, PROPOSAL, NEGOTIATION, WON or LOST")
    String stage;

    @Option(name = "--close", description = "Expected close date, yyyy-mm-dd")
    String closeDate;

    @Option(name = "--contact", description = "The id of the contact the deal is with")
    String contact;

    @Option(name = "--owner", description = "The owner's user id (default: you)")
    String owner;

    @Option(name = "--notes", description = "Notes (stored encrypted; needs deals:write-sensitive)")
    String notes;

    @Override
    protected void run() {
        Deal deal = deals.create(new DealDraft(title, amount(), currency, DealShellFields.stage(stage),
                ShellInput.date("close", closeDate), ShellInput.uuid("contact", contact),
                ShellInput.blankToNull(owner), ShellInput.blankToNull(notes)));
        out().println("Created deal " + deal.id() + " (" + ShellText.cell(deal.title()) + ")");
    }
    // end::shell-command[]

    private BigDecimal amount() {
        try {
            return new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw ValidationException.of("amount", "not a number: '" + amount + "'");
        }
    }
}
