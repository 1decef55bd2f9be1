package org.bastion.crm.audit.internal.query;

import java.time.Instant;

import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.api.audit.AuditTarget;

/**
 * A chained row of {@code crm_audit_entry} as stored: the columns read back, details and changes still as their
 * canonical JSON text (the values of personal changes are ciphertexts).
 *
 * @param sequence the place in the chain
 * @param time when it was recorded
 * @param actor who did it
 * @param action the action name
 * @param target the target, or null
 * @param outcome how it ended
 * @param detailsJson the details, a JSON object
 * @param changesJson the field changes, a JSON array
 */
public record StoredEntry(long sequence, Instant time, AuditActor actor, String action, AuditTarget target,
        AuditOutcome outcome, String detailsJson, String changesJson) {

    /** The entry as the API shows it: details as a map, the names of the changed fields without their values. */
    public AuditRecord toRecord() {
        return new AuditRecord(sequence, time, actor, action, target, outcome, StoredJson.details(detailsJson),
                StoredJson.changes(changesJson).stream().map(StoredChange::field).toList());
    }
}
