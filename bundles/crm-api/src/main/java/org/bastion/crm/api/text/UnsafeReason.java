package org.bastion.crm.api.text;

/** Why {@link SafeText} refuses a character. */
public enum UnsafeReason {

    /** A C0 or C1 control character (U+0000–U+001F, U+007F–U+009F) the field does not allow, such as NUL or ESC. */
    CONTROL_CHARACTER("must not contain control characters"),

    /**
     * A line break the field does not allow: any line break in a single-line field; in a multi-line field a lone
     * carriage return, U+0085, U+2028 or U+2029 (only LF and CRLF break lines there).
     */
    LINE_BREAK("must not contain this line break"
            + " (a single-line field has none; a multi-line field uses LF or CRLF)"),

    /** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
    UNPAIRED_SURROGATE("must not contain an unpaired UTF-16 surrogate (the text is not valid Unicode)"),

    /** A bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069): it can reorder what is shown. */
    BIDI_CONTROL("must not contain bidirectional override, embedding or isolate characters"),

    /** A Unicode noncharacter (U+FDD0–U+FDEF, and the last two code points of every plane, such as U+FFFE, U+FFFF). */
    NONCHARACTER("must not contain Unicode noncharacters");

    private final String message;

    UnsafeReason(String message) {
        this.message = message;
    }

    /** What is wrong, in words a user understands, without the position. */
    public String message() {
        return message;
    }
}
