package org.bastion.crm.security.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.bastion.crm.api.security.SecurityRoles;

/** Completes the built-in role names ({@link SecurityRoles#BUILT_IN}). */
@Service
public class RoleCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter(SecurityRoles.BUILT_IN.stream().sorted().toList());
        return delegate.complete(session, commandLine, candidates);
    }
}
