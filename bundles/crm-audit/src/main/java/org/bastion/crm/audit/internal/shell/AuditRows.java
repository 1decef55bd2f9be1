package org.bastion.crm.audit.internal.shell;

import java.util.List;

import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.shell.ShellTable;
import org.bastion.crm.shell.ShellText;

/** The table the audit commands print: one row per entry, every stored value made terminal-safe. */
final class AuditRows {

    private AuditRows() {
    }

    /** An empty table with the audit columns. */
    static ShellTable table() {
        return ShellTable.empty("no entries").column("Seq").column("Time").column("Actor", 30).column("Channel")
                .column("Address").column("Action").column("Target", 50).column("Outcome").column("Changed", 40);
    }

    /** Adds {@code records} as rows of {@code table}. */
    static ShellTable rows(ShellTable table, List<AuditRecord> records) {
        for (AuditRecord record : records) {
            table.row(record.sequence(), ShellText.timestamp(record.time()),
                    record.actor().username() + " (" + record.actor().userId() + ")", record.actor().channel(),
                    record.actor().address(), record.action(),
                    record.target() == null ? "" : record.target().toString(), record.outcome().wireName(),
                    ShellTable.list(record.changedFields()));
        }
        return table;
    }
}
