package org.bastion.crm.api.crypto;

import java.util.Locale;

/** What a key is for; every purpose but {@link #MASTER} has data keys in the database, wrapped by the master key. */
public enum KeyPurpose {
    /** The operator's key in the PKCS#12 keystore; wraps every data key. */
    MASTER,
    /** Wraps the per-record keys that encrypt personal fields. */
    FIELD,
    /** Keys the HMAC of blind indexes. */
    BLIND_INDEX,
    /** Encrypts backups. */
    BACKUP,
    /** Signs the audit trail's checkpoints (Ed25519; the public keys are published with every export). */
    AUDIT_SIGNING;

    /** The name on the wire and in the shell: {@code master}, {@code field}, {@code blind-index}, {@code backup}, {@code audit-signing}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The purpose with this wire name (case-insensitive).
     *
     * @throws IllegalArgumentException when there is none
     */
    public static KeyPurpose ofWireName(String name) {
        for (KeyPurpose purpose : values()) {
            if (purpose.wireName().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return purpose;
            }
        }
        throw new IllegalArgumentException("unknown key purpose '" + name + "': use master, field, blind-index, backup or audit-signing");
    }
}
