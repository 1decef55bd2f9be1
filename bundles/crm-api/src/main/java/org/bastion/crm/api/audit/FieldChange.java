package org.bastion.crm.api.audit;

import java.util.Objects;

import org.bastion.crm.api.crypto.RecordRef;

/**
 * One field of a record changed by a recorded action: its name and its values before and after ({@code null} when
 * the field had or has no value). When {@code personalDataOf} names a record, both values are personal data: the
 * audit trail stores them encrypted under that record's key (crm-crypto), never in the clear, so crypto-shredding the
 * record makes them unreadable.
 *
 * @param field the field's name as the record's API calls it ({@code emails}, {@code address.city}), 1 to 100 characters
 * @param oldValue the value before, as text (JSON for structured values), or null
 * @param newValue the value after, as text, or null
 * @param personalDataOf the record whose key encrypts the values, or null when they are not personal data
 */
public record FieldChange(String field, String oldValue, String newValue, RecordRef personalDataOf) {

    public FieldChange {
        Objects.requireNonNull(field, "field");
        if (field.isEmpty() || field.length() > 100) {
            throw new IllegalArgumentException("field name must have 1 to 100 characters");
        }
    }

    /** A change of a field that holds no personal data. */
    public static FieldChange plain(String field, String oldValue, String newValue) {
        return new FieldChange(field, oldValue, newValue, null);
    }

    /** A change of a personal field, encrypted under {@code record}'s key. */
    public static FieldChange personal(String field, String oldValue, String newValue, RecordRef record) {
        return new FieldChange(field, oldValue, newValue, Objects.requireNonNull(record, "record"));
    }

    /** Whether the values are personal data. */
    public boolean personal() {
        return personalDataOf != null;
    }
}
