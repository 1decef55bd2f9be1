package org.bastion.crm.audit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.audit.internal.chain.Chainer;
import org.bastion.crm.audit.internal.chain.Checkpointer;
import org.bastion.crm.audit.internal.chain.ListenerDispatch;
import org.bastion.crm.audit.internal.write.AuditLogService;
import org.bastion.crm.audit.internal.write.ChangeEncoder;
import org.bastion.crm.audit.internal.write.RowMaker;
import org.bastion.crm.audit.internal.write.WriteQueue;
import org.bastion.crm.testing.FakeFieldCipher;
import org.bastion.crm.testing.MutableClock;
import org.h2.jdbcx.JdbcDataSource;

/** The audit bundle's engine on in-memory H2, without threads: tests drive the chainer and the writer themselves. */
public final class AuditFixture {

    public static final AuditActor ADA = new AuditActor("u-ada", "ada", "rest", "192.0.2.10");

    public final JdbcDataSource dataSource = new JdbcDataSource();
    public final CallerTransactions transactions;
    public final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00.123456789Z"));
    public final FakeFieldCipher cipher = new FakeFieldCipher();
    public final FakeSigningKeys signing = new FakeSigningKeys();
    public volatile boolean signingAvailable = true;
    public final WriteQueue queue = new WriteQueue(100);
    public final Checkpointer checkpointer;
    public final Chainer chainer;
    public final AuditLogService log;
    public final List<AuditRecord> told = new CopyOnWriteArrayList<>();
    public final List<Runnable> afterCommit = new ArrayList<>();
    public volatile AuditActor caller = ADA;

    public AuditFixture() {
        dataSource.setURL("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        transactions = new CallerTransactions(dataSource);
        try {
            new AuditDatabase(dataSource, transactions, null, List.of(script()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        checkpointer = new Checkpointer(() -> signingAvailable ? signing : null, clock, 10, 60);
        chainer = new Chainer(transactions, checkpointer, rows -> rows.forEach(
                row -> told.add(ListenerDispatch.record(row))), 100);
        RowMaker rows = new RowMaker(clock, () -> caller, new ChangeEncoder(() -> cipher));
        log = new AuditLogService(rows, transactions, queue, afterCommit::add, () -> { }, chainer::unchained);
    }

    /** Links everything committed. */
    public int chain() {
        try {
            return chainer.linkAll();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs SQL directly (tampering). */
    public void sql(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A number from a query. */
    public long count(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A text from a query. */
    public String string(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             var result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Migration script() {
        String name = "V1__create_audit.sql";
        try (InputStream in = AuditFixture.class.getResourceAsStream("/db/audit/" + name)) {
            return Migration.fromScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
