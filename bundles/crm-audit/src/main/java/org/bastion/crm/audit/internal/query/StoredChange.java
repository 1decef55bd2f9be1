package org.bastion.crm.audit.internal.query;

import org.bastion.crm.api.crypto.RecordRef;

/**
 * One field change as stored in an entry's changes: for a personal field the values are ciphertexts under the key of
 * {@code personalDataOf}, else plain text.
 *
 * @param field the field's name
 * @param oldValue the value before (ciphertext for personal data), or null
 * @param newValue the value after (ciphertext for personal data), or null
 * @param personalDataOf the record whose key encrypts the values, or null
 * @param withheld whether a personal change was stored without its values (its record had no usable key)
 */
public record StoredChange(String field, String oldValue, String newValue, RecordRef personalDataOf,
        boolean withheld) {

    /** Whether the values are personal data (stored encrypted). */
    public boolean personal() {
        return personalDataOf != null;
    }
}
