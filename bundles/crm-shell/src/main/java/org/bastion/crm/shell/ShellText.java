package org.bastion.crm.shell;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.stream.Collectors;

import org.bastion.crm.api.text.SafeText;
import org.bastion.crm.api.text.TextKind;

/**
 * Renders values for shell output: timestamps in UTC, and text with every character the {@link SafeText} rule refuses
 * shown escaped, so that no stored or typed value (a name, a user agent, an error detail) can drive the operator's
 * terminal with escape sequences or reorder a line with bidirectional overrides. Every {@code crm:*} command prints
 * user-supplied text through {@link #cell} or {@link #text}.
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

    /**
     * Any value on one line, null as an empty string: line breaks and tabs become spaces, and every other character the
     * {@link SafeText} rule refuses (control characters such as ESC, bidirectional overrides and isolates, unpaired
     * surrogates, noncharacters) is shown escaped, as <code>&#92;u001B</code>.
     */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString().replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
        return SafeText.escape(text, TextKind.SINGLE_LINE);
    }

    /**
     * Any value as text that may span lines, null as an empty string: CRLF becomes LF, line feeds and tabs stay, and
     * every other character the {@link SafeText} rule refuses (a lone carriage return included) is shown escaped, as
     * <code>&#92;u001B</code>.
     */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        return SafeText.escape(value.toString().replace("\r\n", "\n"), TextKind.MULTI_LINE);
    }

    /** Values sorted and comma-separated, each as a {@link #cell}: {@code admin,sales}. */
    public static String sortedList(Collection<String> values) {
        return values.stream().sorted().map(ShellText::cell).collect(Collectors.joining(","));
    }
}
