package org.bastion.crm.audit.internal.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.audit.internal.AuditDatabase;
import org.bastion.crm.support.jdbc.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reads chained entries of {@code crm_audit_entry}, newest first, one page at a time, or in chain order after a
 * sequence number (to follow the trail). It checks no permission: {@link AuditQueryService} and the history
 * resources do, for the caller at hand. SQL failures surface as {@link IllegalStateException}.
 */
@Component(service = AuditTrailReader.class)
public final class AuditTrailReader {

    private final Transactions transactions;

    /** Reads the audit tables once {@code database} brought them up to date. */
    @Activate
    public AuditTrailReader(@Reference AuditDatabase database) {
        this(database.transactions());
    }

    /** Reads through {@code transactions} (unit tests: local transactions on H2). */
    public AuditTrailReader(Transactions transactions) {
        this.transactions = transactions;
    }

    /**
     * One page of the entries matching {@code filter}, newest first, with their total. The page's sequence numbers
     * come from the filter's index alone (actor, action or target with the sequence number), then only those rows are
     * read, so a filter matching many entries never reads their large columns.
     */
    public Page<StoredEntry> search(AuditFilter filter, PageRequest page) {
        EntrySql sql = new EntrySql(filter);
        return read(connection -> {
            List<Long> sequences = new ArrayList<>(page.size());
            try (PreparedStatement statement = connection.prepareStatement("SELECT sequence_no FROM crm_audit_entry"
                    + " WHERE " + sql.where() + " ORDER BY sequence_no DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                int index = sql.bind(statement);
                statement.setLong(index++, page.offset());
                statement.setInt(index, page.size());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sequences.add(rows.getLong(1));
                    }
                }
            }
            List<StoredEntry> entries = entries(connection, sequences);
            long total = sequences.size() < page.size() && (page.page() == 0 || !sequences.isEmpty())
                    ? page.offset() + sequences.size() : count(connection, sql);
            return new Page<>(entries, total, page.page(), page.size());
        });
    }

    /** The entries with these sequence numbers, in the order given. */
    private static List<StoredEntry> entries(Connection connection, List<Long> sequences) throws SQLException {
        if (sequences.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(sequences.size(), "?"));
        java.util.Map<Long, StoredEntry> found = new java.util.HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + EntrySql.COLUMNS
                + " FROM crm_audit_entry WHERE sequence_no IN (" + marks + ")")) {
            for (int i = 0; i < sequences.size(); i++) {
                statement.setLong(i + 1, sequences.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    StoredEntry entry = EntrySql.entry(rows);
                    found.put(entry.sequence(), entry);
                }
            }
        }
        List<StoredEntry> entries = new ArrayList<>(sequences.size());
        for (Long sequence : sequences) {
            StoredEntry entry = found.get(sequence);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** Up to {@code limit} chained entries after {@code sequence}, in chain order. */
    public List<StoredEntry> after(long sequence, int limit) {
        return read(connection -> {
            List<StoredEntry> entries = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + EntrySql.COLUMNS
                    + " FROM crm_audit_entry WHERE sequence_no > ? ORDER BY sequence_no FETCH FIRST ? ROWS ONLY")) {
                statement.setLong(1, sequence);
                statement.setInt(2, limit);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        entries.add(EntrySql.entry(rows));
                    }
                }
            }
            return entries;
        });
    }

    /** The sequence number of the newest chained entry (the chain head's), 0 for an empty chain. */
    public long lastSequence() {
        return read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT sequence_no FROM crm_audit_chain_head WHERE id = 1");
                 ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        });
    }

    private static long count(Connection connection, EntrySql sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM crm_audit_entry WHERE " + sql.where())) {
            sql.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private <T> T read(org.bastion.crm.support.jdbc.SqlWork<T> work) {
        try {
            return transactions.read(work);
        } catch (SQLException e) {
            throw new IllegalStateException("audit database error (SQL state " + e.getSQLState() + ")", e);
        }
    }
}
