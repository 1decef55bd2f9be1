package org.bastion.crm.audit.internal.system;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;

/** An audit log that keeps what it is given: entries written at once and entries queued. */
class FakeAuditLog implements AuditLog {

    final List<AuditEntry> written = new CopyOnWriteArrayList<>();
    final List<AuditEntry> queued = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEntry entry) {
        written.add(entry);
    }

    @Override
    public void recordLater(AuditEntry entry) {
        queued.add(entry);
    }

    @Override
    public Backlog backlog() {
        return new Backlog(queued.size(), 0);
    }
}
