package org.bastion.crm.security.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.security.SessionInfo;
import org.bastion.crm.api.security.SessionService;
import org.bastion.crm.shell.ItemCompleter;
import org.bastion.crm.shell.ShellText;

/** Completes the ids of live sessions, with their user, channel and address beside them. */
@Service
public class SessionIdCompleter extends ItemCompleter<SessionInfo> {

    @Reference
    SessionService sessions;

    @Override
    protected List<SessionInfo> items() {
        return sessions.all();
    }

    @Override
    protected String value(SessionInfo info) {
        return info.id();
    }

    @Override
    protected String description(SessionInfo info) {
        return ShellText.cell(info.username()) + " " + ShellText.cell(info.channel()) + " "
                + ShellText.cell(info.address());
    }
}
