package org.bastion.crm.backup.internal.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.TimeZone;

import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.backup.internal.AfterBackup;
import org.bastion.crm.backup.internal.BackupAudit;
import org.bastion.crm.backup.internal.BackupDatabase;
import org.bastion.crm.backup.internal.BackupInfo;
import org.bastion.crm.backup.internal.retention.RetentionRun;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * What follows each successful backup, whatever triggered it (a hook the service calls while it still holds the
 * backup's lease): the copy of the backup and of the key backup to the off-site directory when one is configured
 * (recorded in the catalogue), then retention.
 */
@Component(service = {AfterBackup.class, OffsiteAndRetention.class}, configurationPid = ScheduleConfig.PID)
public final class OffsiteAndRetention implements AfterBackup {

    /** The key backup's file name in the backup directory. */
    public static final String KEY_BACKUP = "record-keys.cbk";

    /** The trigger of the safety backup a restore takes first. */
    static final String PRE_RESTORE = "pre-restore";

    private static final System.Logger LOG = System.getLogger(OffsiteAndRetention.class.getName());

    private final BackupCatalogue catalogue;
    private final BackupAudit audit;
    private final Clock clock;
    private volatile BackupSettings settings;
    private volatile String problem;

    @Activate
    public OffsiteAndRetention(@Reference BackupDatabase database, @Reference BackupAudit audit,
            ScheduleConfig config) {
        this(new BackupCatalogue(new ScheduleDatabase(database.transactions())), audit, config,
                Clock.systemDefaultZone());
    }

    /** With a catalogue and clock of its own (unit tests). */
    public OffsiteAndRetention(BackupCatalogue catalogue, BackupAudit audit, ScheduleConfig config, Clock clock) {
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
        this.settings = BackupSettings.of(config, null, clock.instant(), TimeZone.getDefault());
    }

    @Modified
    void modified(ScheduleConfig config) {
        settings = BackupSettings.of(config, settings, clock.instant(), TimeZone.getDefault());
    }

    /**
     * Copies {@code backup} off-site and applies retention in the directory of {@code file} (not after the safety
     * backup of a restore: the backup about to be restored must not be let go by it); failures are logged and
     * reported by {@link #problem()}, never thrown (the backup itself succeeded).
     */
    @Override
    public void completed(BackupInfo backup, Path file) {
        Path directory = file.toAbsolutePath().getParent();
        BackupSettings current = settings;
        String failed = null;
        if (current.offsite() != null) {
            failed = copyOffsite(backup, directory, current.offsite());
        }
        if (PRE_RESTORE.equals(backup.trigger())) {
            problem = failed;
            return;
        }
        try {
            new RetentionRun(catalogue, ZoneId.systemDefault()).apply(current.retention(), directory,
                    current.offsite(), clock.instant()).forEach(this::audit);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Backup retention failed: " + e.getMessage());
            failed = failed == null ? "retention failed: " + e.getMessage() : failed;
        }
        problem = failed;
    }

    /** Copies the key backup of {@code directory} off-site (after it was rewritten); false when that failed. */
    public boolean copyKeyBackup(Path directory) {
        Path offsite = settings.offsite();
        Path keys = directory.resolve(KEY_BACKUP);
        if (offsite == null || !Files.isRegularFile(keys)) {
            return true;
        }
        try {
            OffsiteCopy.copy(keys, offsite);
            return true;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "The key backup could not be copied to the off-site directory "
                    + offsite + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            problem = "off-site copy of the key backup failed: " + e.getClass().getSimpleName();
            return false;
        }
    }

    /** Why the last off-site copy or retention failed, or null when it worked. */
    public String problem() {
        return problem;
    }

    /** The settings in force. */
    public BackupSettings settings() {
        return settings;
    }

    private String copyOffsite(BackupInfo backup, Path directory, Path offsite) {
        try {
            OffsiteCopy.copy(directory.resolve(backup.fileName()), offsite);
            Path keys = directory.resolve(KEY_BACKUP);
            if (Files.isRegularFile(keys)) {
                OffsiteCopy.copy(keys, offsite);
            }
            catalogue.markOffsiteCopied(backup.id(), clock.instant());
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Backup " + backup.fileName() + " could not be copied to the off-site"
                    + " directory " + offsite + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return "off-site copy of " + backup.fileName() + " failed: " + e.getClass().getSimpleName();
        }
    }

    private void audit(BackupCatalogue.Row row) {
        audit.record(BackupAudit.entry(BackupAudit.DELETED, AuditOutcome.SUCCESS, row.id()).actor(AuditActor.SYSTEM)
                .detail("file", row.fileName()).detail("reason", "retention"));
    }
}
