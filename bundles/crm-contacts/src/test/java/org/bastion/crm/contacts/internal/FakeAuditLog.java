package org.bastion.crm.contacts.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;

/** An audit log that keeps what it is given: changes (recorded in the caller's transaction) and queued entries. */
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

    /** The one change entry recorded so far. */
    AuditEntry onlyChange() {
        if (changes.size() != 1) {
            throw new AssertionError("expected one change entry, got " + changes);
        }
        return changes.get(0);
    }
}
