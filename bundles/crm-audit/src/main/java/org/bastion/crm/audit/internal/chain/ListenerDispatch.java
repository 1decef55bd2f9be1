package org.bastion.crm.audit.internal.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditListener;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.api.audit.AuditTarget;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tells every registered {@link AuditListener} of each chained entry, in sequence order, on the bundle's
 * {@code crm-audit-listeners} thread; a listener that throws is logged and the others are still told.
 */
public final class ListenerDispatch {

    private static final System.Logger LOG = System.getLogger(ListenerDispatch.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<AuditListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "crm-audit-listeners");
        t.setDaemon(true);
        return t;
    });

    public void add(AuditListener listener) {
        listeners.add(listener);
    }

    public void remove(AuditListener listener) {
        listeners.remove(listener);
    }

    /** Hands the chained {@code rows} to the listeners (asynchronously). */
    public void chained(List<EntryRow> rows) {
        if (listeners.isEmpty()) {
            return;
        }
        List<AuditRecord> records = new ArrayList<>(rows.size());
        for (EntryRow row : rows) {
            records.add(record(row));
        }
        try {
            thread.execute(() -> tell(records));
        } catch (RejectedExecutionException stopped) {
            LOG.log(System.Logger.Level.DEBUG, "Audit: listeners not told of " + records.size() + " entries (stopping)");
        }
    }

    private void tell(List<AuditRecord> records) {
        for (AuditRecord record : records) {
            for (AuditListener listener : listeners) {
                try {
                    listener.recorded(record);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Audit: listener " + listener.getClass().getName()
                            + " failed on entry " + record.sequence() + " (" + e.getClass().getSimpleName()
                            + "); skipped");
                }
            }
        }
    }

    /** Stops the thread after the entries already handed over. */
    public void stop() {
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The record of a chained row. */
    public static AuditRecord record(EntryRow row) {
        AuditTarget target = row.targetKind() == null || row.targetId() == null ? null
                : new AuditTarget(row.targetKind(), row.targetId());
        return new AuditRecord(row.sequence(), row.recordedAt(),
                new AuditActor(row.actorId(), row.actorName(), row.channel(), row.address()), row.action(), target,
                AuditOutcome.ofWireName(row.outcome()), details(row.details()), changedFields(row.changes()));
    }

    /** The details of a stored canonical JSON object. */
    public static Map<String, String> details(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored audit details are not a JSON object of strings", e);
        }
    }

    /** The field names of a stored canonical JSON array of changes. */
    public static List<String> changedFields(String json) {
        try {
            List<Map<String, String>> changes = JSON.readValue(json,
                    new TypeReference<List<Map<String, String>>>() { });
            return changes.stream().map(change -> change.get("field")).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored audit changes are not a JSON array of objects", e);
        }
    }
}
