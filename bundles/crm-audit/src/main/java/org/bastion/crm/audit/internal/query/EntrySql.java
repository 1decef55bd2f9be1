package org.bastion.crm.audit.internal.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.audit.AuditTarget;
import org.bastion.crm.support.jdbc.Sql;

/**
 * The SQL of trail queries: the WHERE clause of an {@link AuditFilter} over chained rows (each part on an indexed
 * column: actor, action, target, time) with its parameters, and the mapping of a row to a {@link StoredEntry}.
 */
final class EntrySql {

    /** The columns every query reads, in {@link #entry} order. */
    static final String COLUMNS = "sequence_no, recorded_at, actor_id, actor_name, channel, address, action, "
            + "target_kind, target_id, outcome, details, changes";

    private final StringBuilder where = new StringBuilder("sequence_no IS NOT NULL");
    private final List<Object> parameters = new ArrayList<>();

    EntrySql(AuditFilter filter) {
        if (filter.actorId() != null) {
            and("actor_id = ?", filter.actorId());
        }
        if (filter.action() != null && filter.actionPrefix()) {
            and("action LIKE ? ESCAPE '!'", escapeLike(filter.action()) + "%");
        } else if (filter.action() != null) {
            and("action = ?", filter.action());
        }
        if (filter.targetKind() != null) {
            and("target_kind = ?", filter.targetKind());
        }
        if (filter.targetId() != null) {
            and("target_id = ?", filter.targetId());
        }
        if (filter.withChanges()) {
            where.append(" AND changes <> '[]'");
        }
        if (filter.outcome() != null) {
            where.append(" AND outcome IN (?, ?)");
            parameters.add(filter.outcome().wireName());
            parameters.add(filter.outcome().name());
        }
        if (filter.from() != null) {
            and("recorded_at >= ?", filter.from());
        }
        if (filter.to() != null) {
            and("recorded_at < ?", filter.to());
        }
    }

    /** The WHERE condition (without the keyword). */
    String where() {
        return where.toString();
    }

    /** Binds the condition's parameters from index 1; returns the next free index. */
    int bind(PreparedStatement statement) throws SQLException {
        int index = 1;
        for (Object parameter : parameters) {
            if (parameter instanceof java.time.Instant instant) {
                Sql.setInstant(statement, index++, instant);
            } else {
                statement.setString(index++, (String) parameter);
            }
        }
        return index;
    }

    /** The entry of the current row of a result over {@link #COLUMNS}. */
    static StoredEntry entry(ResultSet row) throws SQLException {
        String kind = row.getString("target_kind");
        String id = row.getString("target_id");
        AuditTarget target = kind == null || id == null ? null : target(kind, id);
        return new StoredEntry(row.getLong("sequence_no"), Sql.instant(row, "recorded_at"),
                new AuditActor(row.getString("actor_id"), row.getString("actor_name"), row.getString("channel"),
                        row.getString("address")),
                row.getString("action"), target, outcome(row.getString("outcome")), row.getString("details"),
                row.getString("changes"));
    }

    private static AuditTarget target(String kind, String id) {
        try {
            return new AuditTarget(kind, id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static AuditOutcome outcome(String stored) {
        try {
            return AuditOutcome.ofWireName(stored);
        } catch (IllegalArgumentException e) {
            return AuditOutcome.valueOf(stored.toUpperCase(Locale.ROOT));
        }
    }

    private void and(String condition, Object parameter) {
        where.append(" AND ").append(condition);
        parameters.add(parameter);
    }

    private static String escapeLike(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
