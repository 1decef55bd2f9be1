package org.bastion.crm.crypto.internal.shell;

import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.shell.ItemCompleter;

/** Completes key purposes by their wire names ({@code master}, {@code field}, {@code blind-index}, {@code backup}, {@code audit-signing}). */
@Service
public class KeyPurposeCompleter extends ItemCompleter<KeyPurpose> {

    /** What each purpose's key is for, shown beside the candidate. */
    static final Map<KeyPurpose, String> DESCRIPTIONS = Map.of(
            KeyPurpose.MASTER, "the operator's key, wrapping every data key",
            KeyPurpose.FIELD, "wraps the per-record keys of personal fields",
            KeyPurpose.BLIND_INDEX, "keys the blind indexes that make encrypted fields searchable",
            KeyPurpose.BACKUP, "encrypts backups",
            KeyPurpose.AUDIT_SIGNING, "signs the audit trail's checkpoints (Ed25519)");

    @Override
    protected List<KeyPurpose> items() {
        return List.of(KeyPurpose.values());
    }

    @Override
    protected String value(KeyPurpose purpose) {
        return purpose.wireName();
    }

    @Override
    protected String description(KeyPurpose purpose) {
        return DESCRIPTIONS.get(purpose);
    }
}
