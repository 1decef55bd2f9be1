package com.example.deals.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;

/** An audit log that keeps the entries it is given, for tests of what the plugin records. */
class FakeAuditLog implements AuditLog {

    final List<AuditEntry> changes = new CopyOnWriteArrayList<>();
    final List<AuditEntry> queued = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEntry entry) {
        changes.add(entry);
    }

    @Override
    public void recordLater(AuditEntry entry) {
        queued.add(entry);
    }

    @Override
    public Backlog backlog() {
        return new Backlog(0, 0);
    }
}
