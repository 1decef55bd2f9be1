package org.bastion.crm.audit.internal.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.api.audit.AuditTarget;

/**
 * One entry of the trail in a REST answer.
 *
 * @param sequence its place in the chain
 * @param time when it was recorded
 * @param actor who did it: user id, username, channel and address
 * @param action the stable action name
 * @param target what it was done to (kind and id), or null
 * @param outcome {@code success}, {@code failure} or {@code denied}
 * @param details the entry's details
 * @param changedFields the names of the fields it changed (their values: the record's history)
 */
public record AuditRecordBody(long sequence, Instant time, AuditActor actor, String action, AuditTarget target,
        String outcome, Map<String, String> details, List<String> changedFields) {

    /** The body of {@code record}. */
    public static AuditRecordBody of(AuditRecord record) {
        return new AuditRecordBody(record.sequence(), record.time(), record.actor(), record.action(), record.target(),
                record.outcome().wireName(), record.details(), record.changedFields());
    }
}
