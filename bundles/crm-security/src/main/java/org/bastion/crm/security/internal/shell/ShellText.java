package org.bastion.crm.security.internal.shell;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Renders values for the shell: timestamps in UTC, role sets, and text with control characters neutralised so that no
 * stored value (a display name, a user agent) can drive the operator's terminal.
 */
final class ShellText {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private ShellText() {
    }

    /** A timestamp as {@code 2025-01-31 14:05:09Z}, or an empty string. */
    static String timestamp(Instant instant) {
        return instant == null ? "" : TIMESTAMP.format(instant);
    }

    /** Any value on one line, null as an empty string; control characters become '?' (line breaks and tabs spaces). */
    static String cell(Object value) {
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

    /** Role names sorted and comma-separated: {@code admin,sales}. */
    static String roles(Collection<String> roles) {
        return roles.stream().sorted().map(ShellText::cell).collect(Collectors.joining(","));
    }
}
