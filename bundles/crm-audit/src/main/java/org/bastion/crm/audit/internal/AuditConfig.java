package org.bastion.crm.audit.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.bastion.crm.audit}: the audit trail's settings (changes apply without a restart). */
@ObjectClassDefinition(id = AuditConfig.PID, name = "Bastion CRM audit trail")
public @interface AuditConfig {

    /** The configuration PID. */
    String PID = "org.bastion.crm.audit";

    @AttributeDefinition(description = "Record entries (false: no AuditLog service, the CRM runs without auditing)")
    boolean enabled() default true;

    @AttributeDefinition(description = "Refuse changes with 503 while crm-audit is not installed (read by the"
            + " platform's AuditPolicy, not by this bundle)")
    boolean required() default false;

    @AttributeDefinition(description = "Entries queued by recordLater before callers wait for room", min = "1")
    int queueCapacity() default 10_000;

    @AttributeDefinition(description = "Longest wait in milliseconds before queued entries are written", min = "10")
    long batchIntervalMillis() default 200;

    @AttributeDefinition(description = "Sign a checkpoint at least every this many chained entries", min = "1")
    long checkpointEveryEntries() default 1_000;

    @AttributeDefinition(description = "Sign a checkpoint at least every this many seconds while new entries"
            + " are chained", min = "1")
    long checkpointEverySeconds() default 60;

    @AttributeDefinition(description = "Keep entries this many days in the database; older ones move into signed"
            + " archive files under data/audit-archive (0: every signed entry at the next run)", min = "0")
    int retentionDays() default 400;

    @AttributeDefinition(description = "How often, in minutes, each node asks whether the daily retention run is"
            + " due (one node runs it per day)", min = "1")
    long retentionCheckMinutes() default 60;
}
