package org.bastion.crm.shell;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Renders values for shell output: timestamps in UTC, and text with control characters neutralised so that no stored
 * value (a name, a user agent, an error detail) can drive the operator's terminal with escape sequences.
 */
public final class ShellText {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private ShellText() {
    }

    /** A timestamp as {@code 2025-01-31 14:05:09Z}, or an empty string. */
    public static String timestamp(Instant instant) {
        return instant == null ? "" : TIMESTAMP.format(instant);
    }

    /** Any value on one line, null as an empty string; control characters become '?' (line breaks and tabs spaces). */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(value.toString());
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            if (Character.isISOControl(c)) {
                safe.setCharAt(i, c == '\n' || c == '\r' || c == '\t' ? ' ' : '?');
            }
        }
        return safe.toString();
    }

    /**
     * Any value as text that may span lines, null as an empty string: CRLF becomes LF, and control characters other
     * than line breaks and tabs become '?'.
     */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(value.toString().replace("\r\n", "\n"));
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                safe.setCharAt(i, '?');
            }
        }
        return safe.toString();
    }

    /** Values sorted and comma-separated, each as a {@link #cell}: {@code admin,sales}. */
    public static String sortedList(Collection<String> values) {
        return values.stream().sorted().map(ShellText::cell).collect(Collectors.joining(","));
    }
}
