package org.bastion.crm.audit.internal.query;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.support.jdbc.BundleSchema;
import org.bastion.crm.support.jdbc.Sql;
import org.bastion.crm.testing.LocalTransactions;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The audit tables on a fresh in-memory H2 database (every migration script of the bundle), and chained rows seeded
 * straight into them as the chainer would leave them (hashes are not computed: queries do not look at them).
 */
public final class AuditTables {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final LocalTransactions transactions;
    private long sequence;

    public AuditTables() {
        dataSource.setURL("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        transactions = new LocalTransactions(dataSource);
        try {
            BundleSchema.migrate(dataSource, "audit", scripts());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every migration script of the bundle, in order. */
    public static List<Migration> scripts() {
        return List.of(script("V1__create_audit.sql"), script("V21__query_archive_schedule.sql"));
    }

    public LocalTransactions transactions() {
        return transactions;
    }

    public JdbcDataSource dataSource() {
        return dataSource;
    }

    /** A reader over these tables. */
    public AuditTrailReader reader() {
        return new AuditTrailReader(transactions);
    }

    /** A query service over these tables for {@code callers}, where role {@code auditor} holds audit:read. */
    public AuditQueryService queryService(org.bastion.crm.api.CallerContext callers) {
        AuditQueryService service = new AuditQueryService(callers, reader());
        service.permissions = new org.bastion.crm.testing.GrantedPermissions(
                java.util.Map.of("auditor", java.util.Set.of("audit:read")));
        return service;
    }

    /** Seeds the next chained entry; returns its sequence number. */
    public long chained(Instant time, String actorId, String action, String targetKind, String targetId,
            String outcome, String changesJson) {
        long next = ++sequence;
        insert(next, time, actorId, action, targetKind, targetId, outcome, changesJson);
        execute("UPDATE crm_audit_chain_head SET sequence_no = " + next + " WHERE id = 1");
        return next;
    }

    /** Seeds a chained entry without changes. */
    public long chained(Instant time, String actorId, String action, String outcome) {
        return chained(time, actorId, action, null, null, outcome, "[]");
    }

    /** Seeds a row written but not yet chained (no sequence number). */
    public void unchained(Instant time, String actorId, String action) {
        insert(null, time, actorId, action, null, null, "success", "[]");
    }

    /** Runs one SQL statement. */
    public void execute(String sql) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void insert(Long sequenceNo, Instant time, String actorId, String action, String targetKind,
            String targetId, String outcome, String changesJson) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("INSERT INTO crm_audit_entry (sequence_no, "
                     + "recorded_at, actor_id, actor_name, channel, address, action, target_kind, target_id, outcome, "
                     + "details, changes, prev_hash, entry_hash) VALUES (?, ?, ?, ?, 'rest', '10.0.0.1', ?, ?, ?, ?, "
                     + "'{\"reason\":\"test\"}', ?, ?, ?)")) {
            Sql.setLong(statement, 1, sequenceNo);
            Sql.setInstant(statement, 2, time);
            statement.setString(3, actorId);
            statement.setString(4, actorId + "-name");
            statement.setString(5, action);
            statement.setString(6, targetKind);
            statement.setString(7, targetId);
            statement.setString(8, outcome);
            statement.setString(9, changesJson);
            statement.setString(10, sequenceNo == null ? null : "0".repeat(64));
            statement.setString(11, sequenceNo == null ? null : String.format("%064d", sequenceNo));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Migration script(String name) {
        try (InputStream in = AuditTables.class.getResourceAsStream("/db/audit/" + name)) {
            return Migration.fromScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
