package org.bastion.crm.contacts.internal;

import java.util.Optional;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.text.SafeText;
import org.bastion.crm.api.text.TextKind;

/**
 * Trimming and length rules for free-text fields, on top of the platform's text rule ({@link SafeText}: no unpaired
 * surrogates, control characters, bidirectional overrides or noncharacters); a field that breaks a rule is reported and
 * returned as null.
 */
public final class TextRules {

    private TextRules() {
    }

    /** The text without surrounding white space, or null when nothing is left. */
    public static String trimToNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /**
     * A single-line text: passes {@link SafeText} as sent (no line break, tab or other control), then trimmed and at
     * most {@code max} characters.
     */
    public static String line(String text, int max, String field, Violations violations) {
        return checked(text, TextKind.SINGLE_LINE, max, field, violations);
    }

    /**
     * A multi-line text: passes {@link SafeText} as sent (LF, CRLF and tabs allowed), then trimmed and at most
     * {@code max} characters.
     */
    public static String multiline(String text, int max, String field, Violations violations) {
        return checked(text, TextKind.MULTI_LINE, max, field, violations);
    }

    private static String checked(String text, TextKind kind, int max, String field, Violations violations) {
        Optional<FieldError> unsafe = SafeText.check(field, text, kind);
        if (unsafe.isPresent()) {
            violations.add(unsafe.get().field(), unsafe.get().message());
            return null;
        }
        String value = trimToNull(text);
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            violations.add(field, "must be at most " + max + " characters");
            return null;
        }
        return value;
    }
}
