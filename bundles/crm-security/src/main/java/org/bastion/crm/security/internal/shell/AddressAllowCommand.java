package org.bastion.crm.security.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.security.AccessRestrictions;
import org.bastion.crm.security.internal.restrict.AccessRestrictionsImpl;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/** {@code crm:address-allow}: lifts the refusal of an address before its period ends. */
@Service
@Command(scope = "crm", name = "address-allow", description = "Lifts the refusal of an address")
public class AddressAllowCommand extends CrmAction {

    @Reference
    AccessRestrictions restrictions;

    @Argument(index = 0, name = "address", required = true, description = "The refused IPv4 or IPv6 address")
    String address;

    @Override
    protected void run() {
        String canonical = AccessRestrictionsImpl.address(address);
        boolean lifted = restrictions.allowAddress(canonical);
        out().println(ShellText.cell(canonical) + (lifted ? ": allowed again" : ": was not refused"));
    }
}
