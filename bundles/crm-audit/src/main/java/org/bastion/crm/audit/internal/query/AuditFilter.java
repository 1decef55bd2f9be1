package org.bastion.crm.audit.internal.query;

import java.time.Instant;

import org.bastion.crm.api.audit.AuditOutcome;

/**
 * Which chained entries a query of the trail asks for; every part is optional (null: no filter).
 *
 * @param actorId the actor's user id
 * @param action an exact action name, or a prefix when {@code actionPrefix} is set
 * @param actionPrefix whether {@code action} is a prefix ({@code auth.*} asks for {@code auth.} and what follows)
 * @param targetKind the target's kind
 * @param targetId the target's id (only with a kind)
 * @param outcome the outcome
 * @param from the earliest time, inclusive
 * @param to the latest time, exclusive
 * @param withChanges whether only entries that changed fields are wanted (a record's history)
 */
public record AuditFilter(String actorId, String action, boolean actionPrefix, String targetKind, String targetId,
        AuditOutcome outcome, Instant from, Instant to, boolean withChanges) {

    /** No filter: every chained entry. */
    public static final AuditFilter ALL = new AuditFilter(null, null, false, null, null, null, null, null, false);

    /** The same filter without {@code withChanges}. */
    public AuditFilter(String actorId, String action, boolean actionPrefix, String targetKind, String targetId,
            AuditOutcome outcome, Instant from, Instant to) {
        this(actorId, action, actionPrefix, targetKind, targetId, outcome, from, to, false);
    }

    /** The entries of one actor whose action starts with {@code prefix} (such as the {@code auth.} ones). */
    public static AuditFilter actorActions(String actorId, String prefix) {
        return new AuditFilter(actorId, prefix, true, null, null, null, null, null);
    }

    /** The entries that changed fields of one target: its field history. */
    public static AuditFilter changesOf(String kind, String id) {
        return new AuditFilter(null, null, false, kind, id, null, null, null, true);
    }
}
