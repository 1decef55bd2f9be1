package org.bastion.crm.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;

/**
 * An {@link AuditLog} that keeps what it is given in memory: {@link #record} inside a {@link LocalTransactions} write
 * keeps the entry only when that write commits (as the real log joins the caller's transaction), {@link #recordLater}
 * keeps it at once. {@link #failRecords} makes {@code record} throw the 503 a failing trail gives.
 */
public final class RecordingAuditLog implements AuditLog {

    private final List<AuditEntry> changes = new CopyOnWriteArrayList<>();
    private final List<AuditEntry> later = new CopyOnWriteArrayList<>();
    private volatile boolean failRecords;

    @Override
    public void record(AuditEntry entry) {
        if (failRecords) {
            throw new ServiceUnavailableException("the audit trail cannot write (test)");
        }
        if (LocalTransactions.inTransaction()) {
            LocalTransactions.afterCompletion(committed -> {
                if (committed) {
                    changes.add(entry);
                }
            });
        } else {
            changes.add(entry);
        }
    }

    @Override
    public void recordLater(AuditEntry entry) {
        later.add(entry);
    }

    @Override
    public Backlog backlog() {
        return new Backlog(0, 0);
    }

    /** Makes {@link #record} throw (true) or record again (false). */
    public void failRecords(boolean fail) {
        failRecords = fail;
    }

    /** The committed entries of changes, in order. */
    public List<AuditEntry> changes() {
        return List.copyOf(changes);
    }

    /** The entries queued for later (reads, denials, authentication outcomes), in order. */
    public List<AuditEntry> queued() {
        return List.copyOf(later);
    }

    /** Every entry, changes first, then queued ones. */
    public List<AuditEntry> all() {
        List<AuditEntry> all = new ArrayList<>(changes);
        all.addAll(later);
        return all;
    }

    /** The entries of one action, changes and queued ones. */
    public List<AuditEntry> of(String action) {
        return all().stream().filter(entry -> entry.action().equals(action)).toList();
    }

    /** The one entry of {@code action}; fails when there is none or more than one. */
    public AuditEntry only(String action) {
        List<AuditEntry> matching = of(action);
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + action + " entry, got " + matching.size() + " in "
                    + all().stream().map(AuditEntry::action).toList());
        }
        return matching.get(0);
    }

    /** Forgets every entry. */
    public void clear() {
        changes.clear();
        later.clear();
    }
}
