package org.bastion.crm.monitor.internal.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.audit.AuditRecord;

/** Audit records for tests. */
final class AuditRecords {

    private static long sequence;

    private AuditRecords() {
    }

    static AuditRecord of(String action) {
        return new AuditRecord(++sequence, Instant.now(), AuditActor.SYSTEM, action, null, AuditOutcome.values()[0],
                Map.of(), List.of());
    }
}
