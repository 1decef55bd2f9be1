package org.bastion.crm.audit.internal.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bastion.crm.api.IntegrityException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.audit.AuditTarget;
import org.bastion.crm.api.crypto.FieldCipher;
import org.bastion.crm.api.crypto.RecordCipher;
import org.bastion.crm.api.crypto.RecordRef;
import org.bastion.crm.audit.internal.query.AuditFilter;
import org.bastion.crm.audit.internal.query.AuditTrailReader;
import org.bastion.crm.audit.internal.query.StoredChange;
import org.bastion.crm.audit.internal.query.StoredEntry;
import org.bastion.crm.audit.internal.query.StoredJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The field history of one record: the chained entries that changed its fields, newest first, with the values of
 * personal fields decrypted under the key of the record each change names when the caller may read them, redacted
 * when not, and shown as erased once that key was destroyed. The resources decide who may read what (through the
 * owning bundle's service and the permission rules); this class only applies the decision.
 */
@Component(service = FieldHistory.class)
public class FieldHistory {

    private final AuditTrailReader reader;
    private final FieldCipher cipher;

    @Activate
    public FieldHistory(@Reference AuditTrailReader reader, @Reference FieldCipher cipher) {
        this.reader = reader;
        this.cipher = cipher;
    }

    /**
     * One page of {@code target}'s history.
     *
     * @param mayReadPersonal whether the caller may read the record's sensitive fields (personal values decrypted)
     * @throws org.bastion.crm.api.crypto.KeysLockedException (a 503) while the master key is locked and a personal
     *         value is to be decrypted
     */
    public Page<HistoryEntryBody> history(AuditTarget target, boolean mayReadPersonal, PageRequest page) {
        Page<StoredEntry> found = reader.search(AuditFilter.changesOf(target.kind(), target.id()), page);
        Map<RecordRef, Optional<RecordCipher>> ciphers = new HashMap<>();
        List<HistoryEntryBody> entries = new ArrayList<>();
        for (StoredEntry entry : found.items()) {
            List<HistoryChange> changes = new ArrayList<>();
            for (StoredChange change : StoredJson.changes(entry.changesJson())) {
                changes.add(shown(change, mayReadPersonal, ciphers));
            }
            entries.add(new HistoryEntryBody(entry.sequence(), entry.time(), entry.actor(), entry.action(),
                    entry.outcome().wireName(), changes));
        }
        return new Page<>(entries, found.total(), found.page(), found.size());
    }

    private HistoryChange shown(StoredChange change, boolean mayReadPersonal,
            Map<RecordRef, Optional<RecordCipher>> ciphers) {
        if (!change.personal()) {
            return new HistoryChange(change.field(), change.oldValue(), change.newValue(), HistoryChange.PLAIN);
        }
        if (!mayReadPersonal) {
            return HistoryChange.hidden(change.field(), HistoryChange.REDACTED);
        }
        if (change.withheld()) {
            return HistoryChange.hidden(change.field(), HistoryChange.WITHHELD);
        }
        Optional<RecordCipher> recordCipher = ciphers.computeIfAbsent(change.personalDataOf(), this::cipherOf);
        if (recordCipher.isEmpty()) {
            return HistoryChange.hidden(change.field(), HistoryChange.ERASED);
        }
        try {
            String field = AuditCipherFields.of(change.field());
            return new HistoryChange(change.field(), recordCipher.get().decrypt(field, change.oldValue()),
                    recordCipher.get().decrypt(field, change.newValue()), HistoryChange.DECRYPTED);
        } catch (IntegrityException e) {
            return HistoryChange.hidden(change.field(), HistoryChange.UNREADABLE);
        }
    }

    private Optional<RecordCipher> cipherOf(RecordRef record) {
        try {
            return Optional.of(cipher.recordCipher(record));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
