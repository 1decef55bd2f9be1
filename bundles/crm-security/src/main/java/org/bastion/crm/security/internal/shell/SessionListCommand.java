package org.bastion.crm.security.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.bastion.crm.api.security.SessionInfo;
import org.bastion.crm.api.security.SessionService;
import org.bastion.crm.shell.ShellText;

/** {@code crm:session-list}: the live sessions, newest first, of every user or of one; never shows a token. */
@Service
@Command(scope = "crm", name = "session-list", description = "Lists the live CRM sessions (all, or one user's)")
public class SessionListCommand extends UserAction {

    /** User agents are cut to this many characters in the table. */
    static final int AGENT_WIDTH = 40;

    @Reference
    SessionService sessions;

    @Option(name = "--user", description = "Only this user's sessions (a login name)")
    @Completion(UsernameCompleter.class)
    String username;

    @Override
    protected void run() {
        List<SessionInfo> live = username == null || username.isBlank()
                ? sessions.all() : sessions.sessionsOf(user(username).id());
        ShellTable table = new ShellTable().emptyTableText("no live sessions");
        table.column("ID");
        table.column("User");
        table.column("Channel");
        table.column("Address");
        table.column("Created");
        table.column("Last seen");
        table.column("Expires");
        table.column("User agent").maxSize(AGENT_WIDTH);
        for (SessionInfo session : live) {
            table.addRow().addContent(ShellText.cell(session.id()), ShellText.cell(session.username()),
                    ShellText.cell(session.channel()), ShellText.cell(session.address()),
                    ShellText.timestamp(session.createdAt()), ShellText.timestamp(session.lastSeenAt()),
                    ShellText.timestamp(session.expiresAt()), ShellText.cell(session.userAgent()));
        }
        table.print(out());
    }
}
