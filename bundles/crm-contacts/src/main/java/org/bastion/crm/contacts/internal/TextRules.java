package org.bastion.crm.contacts.internal;

/** Trimming and length rules for free-text fields; a field that breaks a rule is reported and returned as null. */
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

    /** A single-line text: trimmed, at most {@code max} characters, no control characters. */
    public static String line(String text, int max, String field, Violations violations) {
        String value = trimToNull(text);
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            violations.add(field, "must be at most " + max + " characters");
            return null;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            violations.add(field, "must not contain control characters such as line breaks");
            return null;
        }
        return value;
    }

    /** A multi-line text: trimmed and at most {@code max} characters; line breaks and tabs are allowed. */
    public static String multiline(String text, int max, String field, Violations violations) {
        String value = trimToNull(text);
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            violations.add(field, "must be at most " + max + " characters");
            return null;
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            violations.add(field, "must not contain control characters");
            return null;
        }
        return value;
    }
}
