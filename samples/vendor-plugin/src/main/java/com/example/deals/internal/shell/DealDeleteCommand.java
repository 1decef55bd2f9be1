package com.example.deals.internal.shell;

import java.util.UUID;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellInput;

import com.example.deals.DealService;

/** {@code deals:delete}: deletes one deal (whatever its version) and says so, or that there was none. */
@Service
@Command(scope = "deals", name = "delete", description = "Deletes one deal")
public class DealDeleteCommand extends CrmAction {

    private static final long ANY_VERSION = -1;

    @Reference
    DealService deals;

    @Argument(index = 0, name = "id", description = "The deal's id", required = true)
    String id;

    @Override
    protected void run() throws CommandException {
        UUID dealId = ShellInput.uuid("id", id);
        if (!deals.delete(dealId, ANY_VERSION)) {
            throw failure("no deal with id " + dealId + "; nothing deleted");
        }
        out().println("Deleted deal " + dealId);
    }
}
