package org.bastion.crm.audit.internal.backup;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.api.persistence.SchemaMigrator;
import org.bastion.crm.audit.internal.AuditDatabase;
import org.bastion.crm.audit.internal.AuditTrail;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The audit trail's part of every backup: the entries, the signed checkpoints and the chain head, which must match
 * (the restored trail verifies as it did when the backup was taken; entries recorded during the restore are chained
 * after the restored head). Not backed up: {@code crm_audit_job_schedule}, node coordination (which node runs the
 * daily retention next), kept as it is.
 *
 * <p>Before a restore the queued entries are written and the committed ones linked, then the writer and the chainer
 * hold (entries recorded meanwhile stay queued); after it, the entries' identity column is moved past the restored
 * ids (neither H2 nor PostgreSQL moves it when rows are inserted with their ids), the chainer reads the restored head
 * again and both go on.
 */
@Component(service = BackupParticipant.class)
public final class AuditBackupParticipant implements BackupParticipant {

    /** The tables of a backup, parents first. */
    static final List<String> TABLES = List.of("crm_audit_entry", "crm_audit_checkpoint", "crm_audit_chain_head");

    private static final System.Logger LOG = System.getLogger(AuditBackupParticipant.class.getName());

    private final AuditDatabase database;
    private final AuditTrail trail;
    private final List<Migration> migrations;

    @Activate
    public AuditBackupParticipant(BundleContext context, @Reference AuditDatabase database,
            @Reference AuditTrail trail) {
        this(database, trail, SchemaMigrator.scriptsOf(context.getBundle(), AuditDatabase.SCRIPT_FOLDER));
    }

    /** A participant over these components, with these scripts. */
    public AuditBackupParticipant(AuditDatabase database, AuditTrail trail, List<Migration> migrations) {
        this.database = database;
        this.trail = trail;
        this.migrations = List.copyOf(migrations);
    }

    @Override
    public String name() {
        return AuditDatabase.COMPONENT;
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    @Override
    public List<Migration> migrations() {
        return migrations;
    }

    @Override
    public void beforeRestore() {
        try {
            trail.pauseForRestore();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "Audit: writing the queued entries before a restore failed (SQL state "
                    + e.getSQLState() + "); they stay queued");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void afterRestore() {
        try {
            restartIdentity();
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Audit: moving the entry ids past the restored ones failed ("
                    + (e instanceof SQLException sql ? "SQL state " + sql.getSQLState() : e.getClass().getSimpleName())
                    + "): new entries may collide with restored ids");
        }
        try {
            trail.resumeAfterRestore();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "Audit: reading the chain head after a restore failed (SQL state "
                    + e.getSQLState() + "); the chainer reads it at its next round");
        }
    }

    /** Next id after the highest restored one (DDL in the caller's context: auto-commit outside a transaction). */
    private void restartIdentity() throws SQLException {
        database.transactions().read(connection -> {
            long next;
            try (PreparedStatement max = connection.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM crm_audit_entry");
                 ResultSet result = max.executeQuery()) {
                result.next();
                next = result.getLong(1);
            }
            try (Statement alter = connection.createStatement()) {
                alter.execute("ALTER TABLE crm_audit_entry ALTER COLUMN id RESTART WITH " + next);
            }
            return null;
        });
    }
}
