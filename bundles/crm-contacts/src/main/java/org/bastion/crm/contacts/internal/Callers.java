package org.bastion.crm.contacts.internal;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.StaleVersionException;

/** Small rules the two services share: who the caller is, and the optimistic version check. */
public final class Callers {

    private Callers() {
    }

    /** The current caller; {@link Caller#SYSTEM} when no CallerContext service is present. */
    public static Caller current(CallerContext context) {
        if (context == null) {
            return Caller.SYSTEM;
        }
        Caller caller = context.current();
        return caller == null ? Caller.ANONYMOUS : caller;
    }

    /** Throws when {@code expected} is non-negative and differs from {@code current}; a negative value checks nothing. */
    public static void requireVersion(String kind, Object id, long expected, long current) {
        if (expected >= 0 && expected != current) {
            throw new StaleVersionException(kind, id, expected, current);
        }
    }
}
