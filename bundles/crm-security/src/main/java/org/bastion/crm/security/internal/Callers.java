package org.bastion.crm.security.internal;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.security.AuthenticationException;
import org.bastion.crm.api.security.SecurityRoles;

/** The caller checks the services share: authenticated, administrator. */
public final class Callers {

    private Callers() {
    }

    /** The current caller, who must be authenticated ({@link AuthenticationException} otherwise). */
    public static Caller authenticated(CallerContext context) {
        Caller caller = context.current();
        if (caller == null || !caller.authenticated()) {
            throw new AuthenticationException("Authentication is required.");
        }
        return caller;
    }

    /** The current caller, who must hold {@link SecurityRoles#ADMIN} ({@link AccessDeniedException} otherwise). */
    public static Caller admin(CallerContext context) {
        Caller caller = authenticated(context);
        if (!caller.roles().contains(SecurityRoles.ADMIN)) {
            throw new AccessDeniedException("Only administrators may manage users.");
        }
        return caller;
    }

    /** Whether {@code caller} is an administrator. */
    public static boolean isAdmin(Caller caller) {
        return caller.authenticated() && caller.roles().contains(SecurityRoles.ADMIN);
    }
}
