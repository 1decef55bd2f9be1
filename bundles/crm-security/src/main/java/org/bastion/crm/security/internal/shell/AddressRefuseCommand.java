package org.bastion.crm.security.internal.shell;

import java.time.Duration;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.security.AccessRestrictions;
import org.bastion.crm.security.internal.restrict.AccessRestrictionsImpl;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/** {@code crm:address-refuse}: refuses every login and request from an address for a number of minutes. */
@Service
@Command(scope = "crm", name = "address-refuse", description = "Refuses every login and request from an address for a period")
public class AddressRefuseCommand extends CrmAction {

    @Reference
    AccessRestrictions restrictions;

    @Argument(index = 0, name = "address", required = true, description = "The IPv4 or IPv6 address")
    String address;

    @Option(name = "--minutes", required = true, description = "For how long, 1 to 525600 (365 days)")
    long minutes;

    @Option(name = "--reason", required = true, description = "Why (kept with the refusal and in the audit trail)")
    String reason;

    @Override
    protected void run() {
        long max = AccessRestrictionsImpl.MAXIMUM_PERIOD.toMinutes();
        if (minutes < 1 || minutes > max) {
            throw ValidationException.of("minutes", "must be between 1 and " + max);
        }
        String canonical = AccessRestrictionsImpl.address(address);
        restrictions.refuseAddress(canonical, Duration.ofMinutes(minutes), reason);
        out().println(ShellText.cell(canonical) + ": refused for " + minutes + " minutes");
    }
}
