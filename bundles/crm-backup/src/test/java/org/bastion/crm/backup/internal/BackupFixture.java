package org.bastion.crm.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.audit.AuditRecorder;
import org.bastion.crm.api.crypto.RecordKeyBackup;
import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.testing.GrantedPermissions;
import org.bastion.crm.testing.LocalTransactions;
import org.bastion.crm.testing.MutableClock;
import org.bastion.crm.testing.RecordingAuditLog;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The backup service over an in-memory H2 database with the bundle's schema, a {@link FakeEngine}, an audit log that
 * records, and callers by role: {@code admin} (every backup permission), {@code operator} (read and manage), {@code
 * sales} (none).
 */
final class BackupFixture {

    static final Caller ADMIN = new Caller("u-admin", "Admin", Set.of("admin"), true);
    static final Caller OPERATOR = new Caller("u-operator", "Operator", Set.of("operator"), true);
    static final Caller SALES = new Caller("u-sales", "Sales", Set.of("sales"), true);

    final JdbcDataSource dataSource = new JdbcDataSource();
    final LocalTransactions transactions;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
    final FakeEngine engine = new FakeEngine();
    final RecordingAuditLog auditLog = new RecordingAuditLog();
    final BackupAudit audit = new BackupAudit(new AuditRecorder(() -> auditLog, () -> null));
    final Catalogue catalogue;
    final MaintenanceMode maintenance;
    final BackupCoordinator service;
    final RecordingParticipant contacts = new RecordingParticipant("contacts");
    final FakeKeys keys = new FakeKeys();
    final Path directory;
    volatile Caller caller = ADMIN;

    BackupFixture(Path directory) {
        this.directory = directory;
        dataSource.setURL("jdbc:h2:mem:backup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        transactions = new LocalTransactions(dataSource);
        try {
            new BackupDatabase(dataSource, transactions, List.of(script("V1__create_backup.sql")));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        CallerContext callers = () -> caller;
        BackupAccess access = BackupAccess.of(callers, new GrantedPermissions(Map.of(
                "admin", Set.of(BackupPermissions.READ, BackupPermissions.MANAGE, BackupPermissions.RESTORE),
                "operator", Set.of(BackupPermissions.READ, BackupPermissions.MANAGE))));
        catalogue = new Catalogue(transactions);
        maintenance = new MaintenanceMode(transactions, access, audit, clock, "node-a");
        service = new BackupCoordinator(engine, catalogue, lease("node-a"), access, audit, maintenance, clock,
                "node-a", directory);
        service.verifyAfterBackup(false);
        service.addParticipant(contacts);
        service.recordKeys = keys;
    }

    /** A lease of another (or the same) node on the same database. */
    OperationLease lease(String node) {
        return new OperationLease(transactions, clock, node);
    }

    private static Migration script(String name) {
        try (InputStream in = BackupFixture.class.getResourceAsStream("/db/backup/" + name)) {
            return Migration.fromScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Record keys that only count. */
    static final class FakeKeys implements RecordKeyBackup {
        volatile long count = 5;

        @Override
        public long export(OutputStream out) {
            return 0;
        }

        @Override
        public long restoreMissing(InputStream in) {
            return 0;
        }

        @Override
        public long count() {
            return count;
        }
    }
}
