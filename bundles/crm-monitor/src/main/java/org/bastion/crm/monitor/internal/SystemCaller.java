package org.bastion.crm.monitor.internal;

import java.security.PrivilegedAction;
import java.util.Set;
import java.util.function.Supplier;

import javax.security.auth.Subject;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerPrincipal;

/**
 * Runs work as {@link Caller#SYSTEM}: the CRM's {@code CallerContext} answers the caller of a {@link CallerPrincipal}
 * in the JAAS subject the thread runs under, and the permission services let that very instance do everything. Used for
 * the automatic responses (the monitor acts on its own behalf, not as whoever caused the triggering entry).
 */
public final class SystemCaller {

    private SystemCaller() {
    }

    /** Runs {@code work} as the system caller and returns what it returns. */
    @SuppressWarnings("removal")
    public static <T> T call(Supplier<T> work) {
        Subject subject = new Subject(true, Set.of(new SystemPrincipal()), Set.of(), Set.of());
        return Subject.doAs(subject, (PrivilegedAction<T>) work::get);
    }

    /** Runs {@code work} as the system caller. */
    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** The principal standing for the system caller. */
    static final class SystemPrincipal implements CallerPrincipal {

        @Override
        public String getName() {
            return Caller.SYSTEM.id();
        }

        @Override
        public Caller caller() {
            return Caller.SYSTEM;
        }
    }
}
