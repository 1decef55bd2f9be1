package org.bastion.crm.audit.internal.history;

import java.time.Instant;
import java.util.List;

import org.bastion.crm.api.audit.AuditActor;

/**
 * One change of a record in its field history.
 *
 * @param sequence the entry's place in the audit chain
 * @param time when it was recorded
 * @param actor who made it
 * @param action the action ({@code contact.created}, {@code contact.updated}, ...)
 * @param outcome {@code success} (or how it ended otherwise)
 * @param changes the fields it changed, with their values as the caller may see them
 */
public record HistoryEntryBody(long sequence, Instant time, AuditActor actor, String action, String outcome,
        List<HistoryChange> changes) {
}
