package org.bastion.crm.shell;

import java.io.PrintStream;
import java.util.Collection;

import org.bastion.crm.api.Page;

/**
 * A table of records for shell output, every cell made terminal-safe and kept on one line: columns with an optional
 * maximum width, rows of any values, and the "page X of Y, N things" line printed under a page of a list. It wraps
 * Karaf's table so that a command never prints a stored value without {@link #cell}.
 */
public final class ShellTable {

    private final org.apache.karaf.shell.support.table.ShellTable table;

    private ShellTable(String emptyText) {
        this.table = new org.apache.karaf.shell.support.table.ShellTable().emptyTableText(emptyText);
    }

    /** A table that prints {@code emptyText} when it has no rows. */
    public static ShellTable empty(String emptyText) {
        return new ShellTable(emptyText);
    }

    /** Adds a column. */
    public ShellTable column(String header) {
        table.column(header);
        return this;
    }

    /** Adds a column whose cells are cut at {@code maxWidth} characters. */
    public ShellTable column(String header, int maxWidth) {
        table.column(header).maxSize(maxWidth);
        return this;
    }

    /** Adds a row, one value per column, each printed as a {@link #cell}. */
    public ShellTable row(Object... values) {
        Object[] cells = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = cell(values[i]);
        }
        table.addRow().addContent(cells);
        return this;
    }

    /** Prints the table. */
    public void print(PrintStream out) {
        table.print(out);
    }

    /** Prints the table and, under it, the {@link #pageLine} of the page it shows. */
    public void print(PrintStream out, Page<?> page, String singular, String plural) {
        print(out);
        out.println(pageLine(page, singular, plural));
    }

    /**
     * A value for one table cell, null as an empty string: as {@link ShellText#text} (every character the SafeText
     * rule refuses shown escaped), on one line (a line break or tab becomes one space).
     */
    public static String cell(Object value) {
        return ShellText.text(value).replace('\n', ' ').replace('\t', ' ');
    }

    /** Values in their own order joined by commas, as one {@link #cell}; null as an empty string. */
    public static String list(Collection<String> values) {
        return values == null ? "" : cell(String.join(",", values));
    }

    /** The summary under a list, counting pages from one: {@code page 2 of 5, 93 contacts}. */
    public static String pageLine(Page<?> page, String singular, String plural) {
        String noun = page.total() == 1 ? singular : plural;
        return "page " + (page.page() + 1) + " of " + page.pageCount() + ", " + page.total() + " " + noun;
    }
}
