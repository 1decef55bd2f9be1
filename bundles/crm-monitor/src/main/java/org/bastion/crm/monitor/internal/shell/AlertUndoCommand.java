package org.bastion.crm.monitor.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.monitor.internal.alert.AlertServiceImpl;
import org.bastion.crm.monitor.internal.response.AppliedResponse;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/** {@code crm:alert-undo}: lifts the account locks and address refusals an alert's automatic responses applied. */
@Service
@Command(scope = "crm", name = "alert-undo", description = "Undoes an alert's automatic responses")
public class AlertUndoCommand extends CrmAction {

    @Reference
    AlertServiceImpl alerts;

    @Argument(index = 0, name = "id", required = true, description = "The alert's id")
    String id;

    @Override
    protected void run() {
        List<AppliedResponse> undone = alerts.undoResponses(AlertIds.parse(id));
        if (undone.isEmpty()) {
            out().println("Nothing to undo");
        }
        for (AppliedResponse response : undone) {
            out().println("Undid " + response.kind().wireName() + " of " + ShellText.cell(response.target()));
        }
    }
}
