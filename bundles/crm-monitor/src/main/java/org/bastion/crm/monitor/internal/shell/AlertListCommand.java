package org.bastion.crm.monitor.internal.shell;

import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.monitor.Alert;
import org.bastion.crm.api.monitor.AlertQuery;
import org.bastion.crm.api.monitor.AlertService;
import org.bastion.crm.api.monitor.AlertSeverity;
import org.bastion.crm.api.monitor.AlertState;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/** {@code crm:alert-list}: the alerts, newest first, optionally of one rule, state or severity. */
@Service
@Command(scope = "crm", name = "alert-list", description = "Lists the monitoring alerts, newest first")
public class AlertListCommand extends CrmAction {

    @Reference
    AlertService alerts;

    @Option(name = "--rule", description = "Only this rule's alerts")
    String rule;

    @Option(name = "--state", description = "open, acknowledged or resolved")
    String state;

    @Option(name = "--severity", description = "low, medium, high or critical")
    String severity;

    @Option(name = "--page", description = "Zero-based page number")
    int page;

    @Option(name = "--size", description = "Alerts per page (1 to 200)")
    int size = PageRequest.DEFAULT_SIZE;

    @Override
    protected void run() {
        AlertQuery query;
        try {
            query = new AlertQuery(Optional.ofNullable(rule), Optional.ofNullable(state).map(AlertState::ofWireName),
                    Optional.ofNullable(severity).map(AlertSeverity::ofWireName));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(state != null && e.getMessage().contains("state") ? "state" : "severity",
                    e.getMessage());
        }
        Page<Alert> found = alerts.list(query, new PageRequest(page, size, List.of()));
        ShellTable table = new ShellTable().emptyTableText("no alerts");
        table.column("Id");
        table.column("Rule");
        table.column("Severity");
        table.column("State");
        table.column("Count");
        table.column("Subject");
        table.column("Raised");
        table.column("Summary");
        for (Alert alert : found.items()) {
            table.addRow().addContent(alert.id(), ShellText.cell(alert.rule()), alert.severity().wireName(),
                    alert.state().wireName(), alert.count(), ShellText.cell(alert.subject()),
                    ShellText.timestamp(alert.raisedAt()), ShellText.cell(alert.summary()));
        }
        table.print(out());
        out().println(found.total() + " alert(s), page " + found.page() + " of " + found.pageCount());
    }
}
