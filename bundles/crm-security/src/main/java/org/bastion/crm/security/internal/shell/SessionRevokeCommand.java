package org.bastion.crm.security.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.security.SessionService;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/** {@code crm:session-revoke}: ends one session by the id {@code crm:session-list} shows. */
@Service
@Command(scope = "crm", name = "session-revoke", description = "Ends a CRM session (its user must log in again)")
public class SessionRevokeCommand extends CrmAction {

    @Reference
    SessionService sessions;

    @Argument(index = 0, name = "id", required = true, description = "The session id crm:session-list shows")
    @Completion(SessionIdCompleter.class)
    String sessionId;

    @Override
    protected void run() {
        String id = sessionId == null ? "" : sessionId.trim();
        if (id.isEmpty()) {
            throw ValidationException.of("id", "must not be empty");
        }
        sessions.revoke(id);
        out().println("Session " + ShellText.cell(id) + " revoked");
    }
}
