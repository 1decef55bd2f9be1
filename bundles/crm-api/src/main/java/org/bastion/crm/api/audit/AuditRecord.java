package org.bastion.crm.api.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An entry as the trail recorded it: its place in the chain, its time and everything of the {@link AuditEntry}, with
 * the names of the changed fields but not their values (read those through the field history, which decrypts them
 * for callers allowed to see them).
 *
 * @param sequence the entry's position in the chain, from 1, without gaps
 * @param time when it was recorded
 * @param actor who did it
 * @param action the stable action name
 * @param target what it was done to, or null
 * @param outcome how it ended
 * @param details the entry's details
 * @param changedFields the names of the fields it changed, in order
 */
public record AuditRecord(long sequence, Instant time, AuditActor actor, String action, AuditTarget target,
        AuditOutcome outcome, Map<String, String> details, List<String> changedFields) {

    public AuditRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        details = details == null ? Map.of() : Map.copyOf(details);
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }
}
