package org.bastion.crm.monitor.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.monitor.Alert;
import org.bastion.crm.api.monitor.AlertService;
import org.bastion.crm.shell.CrmAction;

/** {@code crm:alert-resolve}: resolves an alert (the next trigger raises a new one). */
@Service
@Command(scope = "crm", name = "alert-resolve", description = "Resolves an alert")
public class AlertResolveCommand extends CrmAction {

    @Reference
    AlertService alerts;

    @Argument(index = 0, name = "id", required = true, description = "The alert's id")
    String id;

    @Option(name = "--note", description = "Why (at most 500 characters)")
    String note;

    @Override
    protected void run() {
        Alert alert = alerts.resolve(AlertIds.parse(id), note);
        out().println("Alert " + alert.id() + " is " + alert.state().wireName());
    }
}
