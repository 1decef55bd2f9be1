package org.bastion.crm.audit.internal.history;

/**
 * The field name a personal value of the trail is encrypted under, binding each ciphertext to the audit trail and
 * the field (so a value of a contact's own row cannot be passed off as a history value, nor the reverse).
 */
public final class AuditCipherFields {

    private AuditCipherFields() {
    }

    /** The cipher field of a change of {@code field}. */
    public static String of(String field) {
        return "audit:" + field;
    }
}
