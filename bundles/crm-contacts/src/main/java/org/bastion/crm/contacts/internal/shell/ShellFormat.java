package org.bastion.crm.contacts.internal.shell;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

import org.bastion.crm.api.Page;

/**
 * Renders values for shell output: timestamps in UTC, tag lists, the "page X of Y" line under a table, and text with
 * control characters neutralised so that stored data can never drive the operator's terminal (escape sequences).
 */
final class ShellFormat {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private ShellFormat() {
    }

    /** A timestamp as {@code 2025-01-31 14:05:09Z}, or an empty string. */
    static String timestamp(Instant instant) {
        return instant == null ? "" : TIMESTAMP.format(instant);
    }

    /** Tags joined by commas, or an empty string. */
    static String tags(Collection<String> tags) {
        return tags == null ? "" : cell(String.join(",", tags));
    }

    /** Any value as text, null as an empty string; control characters other than line breaks and tabs become '?'. */
    static String text(Object value) {
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

    /** A value for one table cell: as {@link #text}, on one line. */
    static String cell(Object value) {
        return text(value).replace('\n', ' ').replace('\t', ' ');
    }

    /** The summary under a list, counting pages from one: {@code page 2 of 5, 93 contacts}. */
    static String pageLine(Page<?> page, String singular, String plural) {
        String noun = page.total() == 1 ? singular : plural;
        return "page " + (page.page() + 1) + " of " + page.pageCount() + ", " + page.total() + " " + noun;
    }
}
