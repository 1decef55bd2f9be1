package org.bastion.crm.security.internal;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.security.AuthenticationException;

/** The caller check the services share: authenticated ({@link UserAdministrationAccess} judges permissions). */
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
}
