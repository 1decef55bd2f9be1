package org.bastion.crm.permissions.internal;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;

/** Who is calling, from an optional {@link CallerContext}: the anonymous caller when there is none. */
public final class CurrentCaller {

    private CurrentCaller() {
    }

    /** The current caller of {@code context}, or {@link Caller#ANONYMOUS} when it is null or answers null. */
    public static Caller of(CallerContext context) {
        Caller caller = context == null ? null : context.current();
        return caller == null ? Caller.ANONYMOUS : caller;
    }
}
