package org.bastion.crm.permissions.internal.team;

import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.security.UserDirectory;

/** Binds the optional services of a {@link TeamServiceImpl} for tests in other packages, as DS does. */
public final class TeamServiceWiring {

    private TeamServiceWiring() {
    }

    /** Binds {@code callers} and {@code directory} (either may be null: not there). */
    public static void bind(TeamServiceImpl teams, CallerContext callers, UserDirectory directory) {
        teams.callers = callers;
        teams.directory = directory;
    }
}
