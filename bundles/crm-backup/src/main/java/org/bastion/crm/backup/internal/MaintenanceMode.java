package org.bastion.crm.backup.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.support.jdbc.Sql;
import org.bastion.crm.support.jdbc.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Maintenance mode, shared by every node through the row of {@code crm_backup_maintenance}: set by a restore before it
 * touches data, cleared after it, left set with the reason when it fails. Each node reads the row at most once per
 * {@link #REFRESH} (the REST filter asks on every request); a change made here is seen here at once.
 */
@Component(service = MaintenanceMode.class)
public final class MaintenanceMode {

    /** How stale the state a node answers with may be. */
    static final Duration REFRESH = Duration.ofSeconds(1);

    private static final System.Logger LOG = System.getLogger(MaintenanceMode.class.getName());

    private final Transactions transactions;
    private final BackupAccess access;
    private final BackupAudit audit;
    private final Clock clock;
    private final String node;
    private volatile Maintenance cached;
    private volatile Instant readAt = Instant.MIN;

    @Activate
    public MaintenanceMode(@Reference BackupDatabase database, @Reference BackupAccess access,
            @Reference BackupAudit audit) {
        this(database.transactions(), access, audit, Clock.systemUTC(), Nodes.name());
    }

    public MaintenanceMode(Transactions transactions, BackupAccess access, BackupAudit audit, Clock clock,
            String node) {
        this.transactions = transactions;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.node = node;
    }

    /** The state now (at most {@link #REFRESH} old); when the row cannot be read, the last state known. */
    public Maintenance state() {
        Instant now = clock.instant();
        Maintenance known = cached;
        if (known != null && now.isBefore(readAt.plus(REFRESH))) {
            return known;
        }
        try {
            known = read();
            cached = known;
            readAt = now;
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Backup: the maintenance row cannot be read: " + e);
            known = known == null ? Maintenance.OFF : known;
        }
        return known;
    }

    /** Sets maintenance for a restore of {@code restoreId}. */
    void enter(String reason, String restoreId) {
        write(true, reason, restoreId);
    }

    /** Leaves maintenance set, with why the restore failed and how to recover. */
    void failed(String reason, String restoreId) {
        write(true, reason, restoreId);
    }

    /** Clears maintenance after a restore that succeeded (or never started changing data). */
    void clear() {
        write(false, null, null);
    }

    /**
     * Ends maintenance left by a failed restore (needs {@code backups:restore}), recorded in the audit trail.
     *
     * @return the state it ended, or {@link Maintenance#OFF} when the CRM was not in maintenance
     */
    public Maintenance end() {
        access.check(BackupPermissions.RESTORE);
        readAt = Instant.MIN;
        Maintenance before = state();
        if (!before.active()) {
            return Maintenance.OFF;
        }
        clear();
        audit.record(BackupAudit.entry(BackupAudit.MAINTENANCE_ENDED, AuditOutcome.SUCCESS, before.restoreId())
                .detail("reason", BackupAudit.detail(before.reason())));
        return before;
    }

    private Maintenance read() throws SQLException {
        return transactions.read(c -> {
            try (PreparedStatement statement = c.prepareStatement(
                    "SELECT active, reason, since, restore_id, node FROM crm_backup_maintenance WHERE id = 1");
                    ResultSet row = statement.executeQuery()) {
                if (!row.next() || !row.getBoolean("active")) {
                    return Maintenance.OFF;
                }
                return new Maintenance(true, row.getString("reason"), Sql.instant(row, "since"),
                        row.getString("restore_id"), row.getString("node"));
            }
        });
    }

    private void write(boolean active, String reason, String restoreId) {
        Instant now = clock.instant();
        String shortReason = Catalogue.cut(reason, 500);
        try {
            transactions.write(c -> {
                try (PreparedStatement statement = c.prepareStatement("UPDATE crm_backup_maintenance SET active = ?, "
                        + "reason = ?, since = ?, restore_id = ?, node = ? WHERE id = 1")) {
                    statement.setBoolean(1, active);
                    statement.setString(2, shortReason);
                    Sql.setInstant(statement, 3, active ? now : null);
                    statement.setString(4, restoreId);
                    statement.setString(5, active ? Catalogue.cut(node, 100) : null);
                    return statement.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw Catalogue.databaseFailure(e);
        }
        cached = active ? new Maintenance(true, shortReason, now, restoreId, node) : Maintenance.OFF;
        readAt = now;
    }
}
