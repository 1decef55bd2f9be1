package org.bastion.crm.contacts.internal.shell;

import java.util.Collection;

import org.bastion.crm.api.Page;
import org.bastion.crm.shell.ShellText;

/**
 * Renders contact values for shell output: tag lists, the "page X of Y" line under a table, and table cells made
 * terminal-safe by crm-shell's {@link ShellText} (timestamps and multi-line text come from there too).
 */
final class ShellFormat {

    private ShellFormat() {
    }

    /** Tags joined by commas, or an empty string. */
    static String tags(Collection<String> tags) {
        return tags == null ? "" : cell(String.join(",", tags));
    }

    /** A value for one table cell: as {@link ShellText#text}, on one line (CRLF becomes one space). */
    static String cell(Object value) {
        return ShellText.text(value).replace('\n', ' ').replace('\t', ' ');
    }

    /** The summary under a list, counting pages from one: {@code page 2 of 5, 93 contacts}. */
    static String pageLine(Page<?> page, String singular, String plural) {
        String noun = page.total() == 1 ? singular : plural;
        return "page " + (page.page() + 1) + " of " + page.pageCount() + ", " + page.total() + " " + noun;
    }
}
