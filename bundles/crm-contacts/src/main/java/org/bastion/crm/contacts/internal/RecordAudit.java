package org.bastion.crm.contacts.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditRecorder;
import org.bastion.crm.api.audit.FieldChange;
import org.bastion.crm.api.crypto.RecordRef;

/**
 * What one kind of record (contacts, companies) gives the audit trail: creations, updates and deletions with their
 * field history, recorded in the change's transaction ({@link AuditRecorder#change}), and reads and list pages,
 * queued ({@link AuditRecorder#later}). Personal values are encrypted by the trail under the record's own key; a
 * deletion names the personal fields that had a value but carries none of them, since the same transaction
 * destroys the key they would be encrypted under (crypto-shredding).
 *
 * @param <R> the API record type
 */
public final class RecordAudit<R extends Record> {

    /** The longest list of ids one detail carries (a detail value holds at most 4,000 characters). */
    static final int IDS_PER_DETAIL = 100;

    /** The stable action names of one kind of record. */
    public record Actions(String created, String updated, String deleted, String read, String listed) {
    }

    private final String kind;
    private final Class<R> type;
    private final Function<R, UUID> idOf;
    private final boolean keyed;
    private final Actions actions;
    private final AuditRecorder recorder;

    /**
     * @param kind the target kind and the kind of the record key ({@code contact})
     * @param keyed whether each record has a key of its own that encrypts its personal fields
     */
    public RecordAudit(String kind, Class<R> type, Function<R, UUID> idOf, boolean keyed, Actions actions,
                       AuditRecorder recorder) {
        this.kind = kind;
        this.type = type;
        this.idOf = idOf;
        this.keyed = keyed;
        this.actions = actions;
        this.recorder = recorder;
    }

    /** Refuses a change before it starts when an audit trail is required and missing (503). */
    public void checkChangesAllowed() {
        recorder.checkChangesAllowed();
    }

    /** Records the creation of {@code created}, every field with a value as a change from nothing. */
    public void created(R created) {
        recorder.change(entry(actions.created(), created)
                .changes(FieldHistory.between(type, null, created, key(created))).build());
    }

    /** Records an update: the fields that differ between {@code before} and {@code after}. */
    public void updated(R before, R after) {
        recorder.change(entry(actions.updated(), after).changes(FieldHistory.between(type, before, after, key(after)))
                .build());
    }

    /**
     * Records a deletion: the last values of the fields that are not personal, and the names of the personal fields
     * that had a value ({@code erased}), whose values go with the record's key.
     */
    public void deleted(R deleted) {
        AuditEntry.Builder entry = entry(actions.deleted(), deleted);
        List<String> erased = new ArrayList<>();
        for (FieldChange change : FieldHistory.between(type, deleted, null, key(deleted))) {
            if (change.personal()) {
                erased.add(change.field());
            } else {
                entry.change(change);
            }
        }
        if (!erased.isEmpty()) {
            entry.detail("erased", String.join(",", erased));
        }
        recorder.change(entry.build());
    }

    /** Queues the read of one record. */
    public void read(R record) {
        if (recorder.active()) {
            recorder.later(entry(actions.read(), record).build());
        }
    }

    /**
     * Queues the read of a list or search page: the ids on it in order ({@code ids}, continued in {@code ids.2},
     * {@code ids.3}, ... past {@value #IDS_PER_DETAIL} ids), how many (count), the page and the total matched. An
     * empty page shows nothing and is not recorded.
     */
    public void listed(Page<R> page) {
        if (page.items().isEmpty() || !recorder.active()) {
            return;
        }
        AuditEntry.Builder entry = AuditEntry.success(actions.listed()).detail("count", page.items().size())
                .detail("page", page.page()).detail("total", page.total());
        List<String> ids = page.items().stream().map(idOf).map(UUID::toString).toList();
        for (int from = 0, part = 1; from < ids.size(); from += IDS_PER_DETAIL, part++) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + IDS_PER_DETAIL));
            entry.detail(part == 1 ? "ids" : "ids." + part, String.join(",", slice));
        }
        recorder.later(entry.build());
    }

    private AuditEntry.Builder entry(String action, R record) {
        return AuditEntry.success(action).target(kind, idOf.apply(record).toString());
    }

    private RecordRef key(R record) {
        return keyed ? new RecordRef(kind, idOf.apply(record).toString()) : null;
    }
}
