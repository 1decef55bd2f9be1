package org.bastion.crm.itests.checks.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmDatabase;

/**
 * Reads the audit trail's rows straight from {@code crm_audit_entry} (written in the change's transaction, or by the
 * batch writer within about a second), polling until the expected entry is there.
 */
final class AuditRows {

    static final Duration WAIT = Duration.ofSeconds(30);

    private static final String COLUMNS = "actor_id || '|' || actor_name || '|' || channel || '|' || address || '|'"
            + " || outcome || '|' || COALESCE(target_kind, '') || '|' || COALESCE(target_id, '') || '|' || details";

    /** One row as recorded. */
    record Row(String actorId, String actorName, String channel, String address, String outcome, String targetKind,
            String targetId, String details) {

        static Row parse(String joined) {
            String[] parts = joined.split("\\|", 8);
            return new Row(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6], parts[7]);
        }
    }

    private final CrmDatabase database;

    AuditRows(CrmDatabase database) {
        this.database = database;
    }

    /** The newest entry of {@code action} whose {@code where} (SQL over the table's columns) holds, waiting for it. */
    Row await(String action, String where, Object... parameters) {
        return Await.until("an audit entry " + action + " where " + where, WAIT, () -> latest(action, where, parameters),
                row -> row != null);
    }

    /** The newest such entry now, or null. */
    Row latest(String action, String where, Object... parameters) {
        List<Object> all = new ArrayList<>();
        all.add(action);
        all.addAll(List.of(parameters));
        String joined = database.text("SELECT " + COLUMNS + " FROM crm_audit_entry WHERE action = ? AND (" + where
                + ") ORDER BY id DESC", all.toArray());
        return joined == null ? null : Row.parse(joined);
    }

    /** How many entries of {@code action} match {@code where} now. */
    long count(String action, String where, Object... parameters) {
        List<Object> all = new ArrayList<>();
        all.add(action);
        all.addAll(List.of(parameters));
        return database.number("SELECT COUNT(*) FROM crm_audit_entry WHERE action = ? AND (" + where + ")",
                all.toArray());
    }

    /** The highest row id now (entries written later have higher ids). */
    long highestId() {
        return database.number("SELECT COALESCE(MAX(id), 0) FROM crm_audit_entry");
    }
}
