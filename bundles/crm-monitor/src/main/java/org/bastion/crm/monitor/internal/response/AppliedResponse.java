package org.bastion.crm.monitor.internal.response;

import java.time.Instant;
import java.util.UUID;

/**
 * An automatic response applied for an alert.
 *
 * @param id the response's id
 * @param alertId the alert it answered
 * @param kind what was done
 * @param target the user id or address it was done to
 * @param appliedAt when
 * @param until when a lock or refusal ends by itself; null for ended sessions
 * @param undoneAt when an administrator undid it, or null
 * @param undoneBy who undid it, or null
 */
public record AppliedResponse(UUID id, UUID alertId, ResponseKind kind, String target, Instant appliedAt,
        Instant until, Instant undoneAt, String undoneBy) {

    /** Whether it can still be undone: a lock or refusal not undone yet (ended sessions cannot come back). */
    public boolean undoable() {
        return undoneAt == null && kind != ResponseKind.END_SESSIONS;
    }
}
