package org.bastion.crm.api.text;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;

/**
 * The one text rule of Bastion CRM: free text a caller sends and the CRM stores must be valid Unicode that cannot
 * drive a terminal or reorder what is shown. Refused everywhere: unpaired UTF-16 surrogates, C0 and C1 control
 * characters, DEL, U+0085/U+2028/U+2029, bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) and Unicode noncharacters; a {@link TextKind#MULTI_LINE} field also allows LF, CRLF and tab.
 *
 * <p>Allowed on purpose: every assigned or unassigned character of any script, supplementary characters (emoji),
 * the zero-width joiner and non-joiner, and the bidirectional marks U+200E, U+200F and U+061C (they cannot reorder
 * letters, only place neutral characters, and right-to-left text pasted from elsewhere carries them). Length limits
 * and trimming stay the field's own business. {@link #escape} turns every refused character into a visible
 * <code>&#92;u001B</code>-style escape for output.
 */
public final class SafeText {

    private SafeText() {
    }

    /** The first character of {@code text} the rule refuses in a field of {@code kind}; empty for null or safe text. */
    public static Optional<UnsafeCharacter> firstUnsafe(CharSequence text, TextKind kind) {
        Objects.requireNonNull(kind, "kind");
        if (text == null) {
            return Optional.empty();
        }
        int i = 0;
        while (i < text.length()) {
            int codePoint = Character.codePointAt(text, i);
            UnsafeReason reason = reasonAt(text, i, codePoint, kind);
            if (reason != null) {
                return Optional.of(new UnsafeCharacter(i, codePoint, reason));
            }
            i += Character.charCount(codePoint);
        }
        return Optional.empty();
    }

    /** Whether the rule accepts {@code text} (null included) for a field of {@code kind}. */
    public static boolean isSafe(CharSequence text, TextKind kind) {
        return firstUnsafe(text, kind).isEmpty();
    }

    /** The field error for {@code text} in {@code field} (a JSON path such as {@code addresses[0].street}), if any. */
    public static Optional<FieldError> check(String field, CharSequence text, TextKind kind) {
        Objects.requireNonNull(field, "field");
        return firstUnsafe(text, kind).map(unsafe -> new FieldError(field, unsafe.message()));
    }

    /**
     * {@code text} unchanged when the rule accepts it.
     *
     * @throws ValidationException naming {@code field} when the rule refuses a character of {@code text}
     */
    public static String require(String field, String text, TextKind kind) {
        Optional<FieldError> error = check(field, text, kind);
        if (error.isPresent()) {
            throw new ValidationException(List.of(error.get()));
        }
        return text;
    }

    /**
     * {@code text} for display on one line: every character a {@link TextKind#SINGLE_LINE} field refuses (line breaks
     * and tabs included) becomes <code>&#92;uXXXX</code> (<code>&#92;UXXXXXXXX</code> beyond the BMP); null becomes
     * an empty string.
     * Backslashes are not escaped: the result is for people to read, not to decode.
     */
    public static String escape(CharSequence text) {
        return escape(text, TextKind.SINGLE_LINE);
    }

    /** {@code text} for display with every character a field of {@code kind} refuses escaped as by {@link #escape}. */
    public static String escape(CharSequence text, TextKind kind) {
        return rewrite(text, kind, null);
    }

    /**
     * {@code text} with every character a field of {@code kind} refuses replaced by {@code replacement} (one per code
     * point), for values that must keep their length, such as a stored user agent; null becomes an empty string.
     */
    public static String replaceUnsafe(CharSequence text, TextKind kind, char replacement) {
        return rewrite(text, kind, replacement);
    }

    private static String rewrite(CharSequence text, TextKind kind, Character replacement) {
        Objects.requireNonNull(kind, "kind");
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            int codePoint = Character.codePointAt(text, i);
            int width = Character.charCount(codePoint);
            if (reasonAt(text, i, codePoint, kind) == null) {
                out.append(text, i, i + width);
            } else if (replacement != null) {
                out.append(replacement.charValue());
            } else {
                out.append(codePoint > 0xFFFF ? String.format(Locale.ROOT, "\\U%08X", codePoint)
                        : String.format(Locale.ROOT, "\\u%04X", codePoint));
            }
            i += width;
        }
        return out.toString();
    }

    /** Why the code point at {@code index} is refused, or null; an unpaired surrogate arrives as its own value. */
    private static UnsafeReason reasonAt(CharSequence text, int index, int codePoint, TextKind kind) {
        if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
            return UnsafeReason.UNPAIRED_SURROGATE;
        }
        if (codePoint == '\n') {
            return kind == TextKind.MULTI_LINE ? null : UnsafeReason.LINE_BREAK;
        }
        if (codePoint == '\r') {
            boolean crlf = index + 1 < text.length() && text.charAt(index + 1) == '\n';
            return kind == TextKind.MULTI_LINE && crlf ? null : UnsafeReason.LINE_BREAK;
        }
        if (codePoint == '\t') {
            return kind == TextKind.MULTI_LINE ? null : UnsafeReason.CONTROL_CHARACTER;
        }
        if (codePoint == 0x85 || codePoint == 0x2028 || codePoint == 0x2029) {
            return UnsafeReason.LINE_BREAK;
        }
        if (codePoint < 0x20 || (codePoint >= 0x7F && codePoint <= 0x9F)) {
            return UnsafeReason.CONTROL_CHARACTER;
        }
        if ((codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)) {
            return UnsafeReason.BIDI_CONTROL;
        }
        if ((codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE) {
            return UnsafeReason.NONCHARACTER;
        }
        return null;
    }
}
