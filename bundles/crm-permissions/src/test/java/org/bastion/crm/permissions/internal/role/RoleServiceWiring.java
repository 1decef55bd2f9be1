package org.bastion.crm.permissions.internal.role;

import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.security.UserDirectory;

/** Binds the optional services of a {@link RoleServiceImpl} for tests in other packages, as DS does. */
public final class RoleServiceWiring {

    private RoleServiceWiring() {
    }

    /** Binds {@code callers} and {@code directory} (either may be null: not there). */
    public static void bind(RoleServiceImpl roles, CallerContext callers, UserDirectory directory) {
        roles.callers = callers;
        roles.directory = directory;
    }
}
