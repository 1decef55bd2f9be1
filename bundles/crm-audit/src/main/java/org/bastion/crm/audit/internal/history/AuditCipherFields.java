package org.bastion.crm.audit.internal.history;

/**
 * The field label a personal value of the trail is encrypted under ({@code audit.<field>}, as the write path
 * encrypts it), binding each ciphertext to the trail and the field.
 */
public final class AuditCipherFields {

    private AuditCipherFields() {
    }

    /** The cipher field of a change of {@code field}. */
    public static String of(String field) {
        return "audit." + field;
    }
}
