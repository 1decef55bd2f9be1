package com.example.deals.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.FieldChange;
import org.bastion.crm.api.crypto.FieldTag;
import org.bastion.crm.api.crypto.FieldTags;
import org.bastion.crm.api.crypto.RecordRef;

import com.example.deals.Deal;

/**
 * The audit entries of deal changes with their field history: every field of {@link Deal} that differs, its old and
 * new value as text; a field the record tags personal ({@code notes}) is a personal change, which the audit trail
 * encrypts under the deal's own record key; the rest (amount, stage, title, the contact link...) are plain. The deals
 * given here carry their notes in plaintext.
 */
final class DealHistory {

    static final String CREATED = "deal.created";
    static final String UPDATED = "deal.updated";
    static final String DELETED = "deal.deleted";

    /** Kept by the server, changed by every write: not history. */
    private static final Set<String> UNREPORTED = Set.of("id", "version", "createdAt", "updatedAt");

    private DealHistory() {
    }

    // tag::audit-history[]
    /**
     * The entry of a change from {@code before} to {@code after} (null before: created; null after: deleted). A
     * deletion names its personal fields ({@code erased}) without their values: the deal's key goes with it.
     */
    static AuditEntry entry(String action, Deal before, Deal after) {
        Deal deal = after != null ? after : before;
        RecordRef key = new RecordRef(DealServiceImpl.KIND, deal.id().toString());
        AuditEntry.Builder entry = AuditEntry.success(action).target(DealServiceImpl.KIND, deal.id().toString());
        List<String> erased = new ArrayList<>();
        for (FieldChange change : changes(before, after, key)) {
            if (after == null && change.personal()) {
                erased.add(change.field());
            } else {
                entry.change(change);
            }
        }
        return entry.detail("erased", erased.isEmpty() ? null : String.join(",", erased)).build();
    }

    static List<FieldChange> changes(Deal before, Deal after, RecordRef key) {
        List<FieldChange> changes = new ArrayList<>();
        for (RecordComponent field : Deal.class.getRecordComponents()) {
            String name = field.getName();
            String old = text(field, before);
            String now = text(field, after);
            if (UNREPORTED.contains(name) || Objects.equals(old, now)) {
                continue;
            }
            changes.add(FieldTags.has(Deal.class, name, FieldTag.PERSONAL)
                    ? FieldChange.personal(name, old, now, key)
                    : FieldChange.plain(name, old, now));
        }
        return changes;
    }
    // end::audit-history[]

    private static String text(RecordComponent field, Deal deal) {
        if (deal == null) {
            return null;
        }
        try {
            Object value = field.getAccessor().invoke(deal);
            return value == null ? null : value instanceof BigDecimal amount ? amount.toPlainString() : value.toString();
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + field.getName() + " of a deal", e);
        }
    }
}
