package org.bastion.crm.api.text;

import java.util.Locale;

/**
 * The first character of a text that {@link SafeText} refuses.
 *
 * @param index its UTF-16 index in the text (what {@link String#charAt} takes)
 * @param codePoint the code point, or the lone surrogate's value
 * @param reason why it is refused
 */
public record UnsafeCharacter(int index, int codePoint, UnsafeReason reason) {

    /** The code point as {@code U+001B} or {@code U+1FFFE}. */
    public String label() {
        return "U+" + String.format(Locale.ROOT, "%04X", codePoint);
    }

    /**
     * The message of the field error: what is wrong, which code point and where (counted in UTF-16 units from 1),
     * for example {@code must not contain control characters (U+001B at position 4)}; never the text itself.
     */
    public String message() {
        return reason.message() + " (" + label() + " at position " + (index + 1) + ")";
    }
}
