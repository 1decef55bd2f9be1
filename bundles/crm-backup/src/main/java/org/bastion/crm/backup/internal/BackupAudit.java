package org.bastion.crm.backup.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.audit.AuditPolicy;
import org.bastion.crm.api.audit.AuditRecorder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Records what happens to backups in the audit trail when crm-audit is installed (target kind {@code backup}, the
 * backup's id). Outcomes are queued ({@link AuditRecorder#later}), so a trail that cannot write never turns a finished
 * backup or restore into an error; {@link #checkChangesAllowed()} refuses an operation before it starts when an audit
 * trail is required and missing.
 */
@Component(service = BackupAudit.class)
public final class BackupAudit {

    public static final String CREATED = "backup.created";
    public static final String FAILED = "backup.failed";
    public static final String VERIFIED = "backup.verified";
    public static final String VERIFY_FAILED = "backup.verify-failed";
    public static final String RESTORED = "backup.restored";
    public static final String RESTORE_FAILED = "backup.restore-failed";
    public static final String DELETED = "backup.deleted";
    public static final String MAINTENANCE_ENDED = "backup.maintenance-ended";

    /** The target kind of every entry. */
    public static final String TARGET = "backup";

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditLog auditLog;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditPolicy auditPolicy;

    private final AuditRecorder recorder;

    @Activate
    public BackupAudit() {
        this.recorder = new AuditRecorder(() -> auditLog, () -> auditPolicy);
    }

    /** Records through {@code recorder} (tests). */
    public BackupAudit(AuditRecorder recorder) {
        this.recorder = recorder;
    }

    /** Refuses (503) before an operation starts when an audit trail is required and none is installed. */
    public void checkChangesAllowed() {
        recorder.checkChangesAllowed();
    }

    /** Starts an entry of {@code action} on backup {@code id} (null: no target). */
    public static AuditEntry.Builder entry(String action, AuditOutcome outcome, Object id) {
        AuditEntry.Builder builder = AuditEntry.of(action, outcome);
        return id == null ? builder : builder.target(TARGET, id.toString());
    }

    /** Queues the entry; a trail that cannot take it now is logged by crm-audit, never thrown at the caller. */
    public void record(AuditEntry.Builder entry) {
        try {
            recorder.later(entry.build());
        } catch (RuntimeException e) {
            System.getLogger(BackupAudit.class.getName()).log(System.Logger.Level.WARNING,
                    "Backup: an audit entry could not be queued: " + e.getMessage());
        }
    }

    /** A detail value cut to the trail's limit. */
    static String detail(String text) {
        return Catalogue.cut(text, 1_000);
    }
}
