package org.bastion.crm.audit.internal.history;

/**
 * One changed field in a record's history.
 *
 * @param field the field's name
 * @param oldValue the value before, or null (also when not shown)
 * @param newValue the value after, or null (also when not shown)
 * @param values how the values are shown: {@code plain} (not personal data), {@code decrypted} (personal, and the
 *        caller may read the record's sensitive fields), {@code redacted} (personal, and the caller may not),
 *        {@code erased} (personal, and the record's key was destroyed), {@code withheld} (personal, recorded
 *        without values because the record had no usable key then), {@code unreadable} (a ciphertext that fails its
 *        integrity check)
 */
public record HistoryChange(String field, String oldValue, String newValue, String values) {

    /** Values that are not personal data. */
    public static final String PLAIN = "plain";
    /** Personal values decrypted for the caller. */
    public static final String DECRYPTED = "decrypted";
    /** Personal values the caller may not read. */
    public static final String REDACTED = "redacted";
    /** Personal values whose record key was destroyed (crypto-shredded). */
    public static final String ERASED = "erased";
    /** Personal values never stored: the record had no usable key when the change was recorded. */
    public static final String WITHHELD = "withheld";
    /** Personal values that fail their integrity check. */
    public static final String UNREADABLE = "unreadable";

    /** A change whose values are not shown, for the reason {@code values}. */
    static HistoryChange hidden(String field, String values) {
        return new HistoryChange(field, null, null, values);
    }
}
