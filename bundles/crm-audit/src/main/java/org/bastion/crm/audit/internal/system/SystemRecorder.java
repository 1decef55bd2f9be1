package org.bastion.crm.audit.internal.system;

import java.util.function.Supplier;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;

/**
 * Records the platform's own events through the {@link AuditLog} service, never failing the caller (a framework or
 * Configuration Admin thread): the actor is the current caller when one is known on this thread (a shell user
 * running {@code config:*} or {@code feature:*}), else {@link AuditActor#SYSTEM}. These events belong to no
 * transaction: they are written at once ({@link #now}) or queued ({@link #queued}).
 */
final class SystemRecorder {

    private static final System.Logger LOG = System.getLogger(SystemRecorder.class.getName());

    private final Supplier<AuditLog> log;
    private final Supplier<CallerContext> callers;

    SystemRecorder(Supplier<AuditLog> log, Supplier<CallerContext> callers) {
        this.log = log;
        this.callers = callers;
    }

    /** Writes the entry at once; without an audit log, or when it fails, logs one line and goes on. */
    void now(AuditEntry.Builder entry) {
        AuditLog current = log.get();
        if (current == null) {
            return;
        }
        AuditEntry built = entry.actor(actor()).build();
        try {
            current.record(built);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not record " + built.action() + " of " + built.target()
                    + " in the audit trail: " + e.getMessage());
        }
    }

    /** Queues the entry; without an audit log, records nothing. */
    void queued(AuditEntry.Builder entry) {
        AuditLog current = log.get();
        if (current != null) {
            current.recordLater(entry.actor(actor()).build());
        }
    }

    /** Null (the log takes the current caller) when an authenticated caller is known on this thread, else SYSTEM. */
    private AuditActor actor() {
        CallerContext context = callers.get();
        if (context == null) {
            return AuditActor.SYSTEM;
        }
        Caller caller = context.current();
        boolean known = caller != null && caller.authenticated() && !Caller.SYSTEM.id().equals(caller.id())
                && !Caller.ANONYMOUS.id().equals(caller.id());
        return known ? null : AuditActor.SYSTEM;
    }
}
