package org.bastion.crm.security.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.security.SessionInfo;
import org.bastion.crm.api.security.SessionService;

/** Completes the ids of live sessions, with their user, channel and address beside them. */
@Service
public class SessionIdCompleter implements Completer {

    @Reference
    SessionService sessions;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (SessionInfo info : liveSessions()) {
            delegate.getStrings().add(info.id());
        }
        return delegate.complete(session, commandLine, candidates);
    }

    @Override
    public void completeCandidates(Session session, CommandLine commandLine, List<Candidate> candidates) {
        for (SessionInfo info : liveSessions()) {
            String description = ShellText.cell(info.username()) + " " + ShellText.cell(info.channel()) + " "
                    + ShellText.cell(info.address());
            candidates.add(new Candidate(info.id(), info.id(), null, description, null, null, true));
        }
    }

    /** Every live session; none when the service refuses (completion must never fail loudly). */
    List<SessionInfo> liveSessions() {
        try {
            return sessions.all();
        } catch (CrmException e) {
            return List.of();
        }
    }
}
