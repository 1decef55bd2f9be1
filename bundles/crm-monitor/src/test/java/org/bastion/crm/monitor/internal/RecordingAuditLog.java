package org.bastion.crm.monitor.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;

/** An {@link AuditLog} that keeps the entries it is given. */
public final class RecordingAuditLog implements AuditLog {

    private final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public void recordLater(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public Backlog backlog() {
        return new Backlog(0, 0);
    }

    /** The entries of one action. */
    public List<AuditEntry> of(String action) {
        return entries.stream().filter(entry -> entry.action().equals(action)).toList();
    }
}
