package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmDatabase;

/**
 * The audit trail's table as the database holds it ({@code crm_audit_entry}), read through SQL inside the container:
 * entries of one action on one target, their details and changes as stored, and the whole table as text for scans.
 */
final class AuditTable {

    /** Long enough for a queued entry (read, list page, bundle event) to be written on two busy cores. */
    static final Duration QUEUED = Duration.ofSeconds(30);

    private final CrmDatabase database;

    AuditTable(CrmDatabase database) {
        this.database = database;
    }

    /** How many entries of {@code action} name the target {@code kind/id}. */
    long count(String action, String kind, String id) {
        return database.number("SELECT COUNT(*) FROM crm_audit_entry WHERE action = ? AND target_kind = ?"
                + " AND target_id = ?", action, kind, id);
    }

    /** Waits until one entry of {@code action} names the target, and returns its row id. */
    long awaitOne(String action, String kind, String id) {
        Await.until("an entry " + action + " of " + kind + "/" + id + " in crm_audit_entry", QUEUED,
                () -> count(action, kind, id), n -> n >= 1);
        assertEquals("entries " + action + " of " + kind + "/" + id, 1, count(action, kind, id));
        return database.number("SELECT id FROM crm_audit_entry WHERE action = ? AND target_kind = ? AND target_id = ?",
                action, kind, id);
    }

    /** The stored changes (canonical JSON array) of the entry with row id {@code id}. */
    String changes(long id) {
        return database.text("SELECT changes FROM crm_audit_entry WHERE id = ?", id);
    }

    /** The stored details (canonical JSON object) of the entry with row id {@code id}. */
    String details(long id) {
        return database.text("SELECT details FROM crm_audit_entry WHERE id = ?", id);
    }

    /** A column of the entry with row id {@code id}. */
    String column(long id, String column) {
        return database.text("SELECT " + column + " FROM crm_audit_entry WHERE id = ?", id);
    }

    /** Every row of the audit tables as text (a dump made through SQL, cut to the tables whose name has "audit"). */
    String everyRowAsText() {
        String dump = new String(database.dumpThroughSql(), StandardCharsets.UTF_8);
        StringBuilder audit = new StringBuilder();
        boolean inAuditTable = false;
        for (String line : dump.split("\n", -1)) {
            if (line.startsWith("-- table ")) {
                inAuditTable = line.toLowerCase(Locale.ROOT).contains("audit");
            }
            if (inAuditTable) {
                audit.append(line).append('\n');
            }
        }
        return audit.toString();
    }
}
