package org.bastion.crm.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.api.crypto.RecordKeyBackup;
import org.bastion.crm.backup.internal.engine.BackupEngine;
import org.bastion.crm.backup.internal.engine.BackupFailure;
import org.bastion.crm.backup.internal.engine.BackupManifest;
import org.bastion.crm.backup.internal.engine.BackupProgress;

/**
 * Restores of {@link BackupCoordinator} ({@code backups:restore}), holding the operation lease throughout: maintenance
 * on, a safety backup ({@code pre-restore}) of the data about to be replaced, the engine's restore (which calls the
 * {@code beforeRestore} and {@code afterRestore} of every participant it restores), the record keys from the key backup
 * beside the file when the database has none (a fresh installation), maintenance off. A failure that the engine
 * reports before changing anything clears maintenance; any other leaves it on with the reason and the safety backup's
 * id, so an administrator restores that backup or ends maintenance.
 */
final class Restorer {

    /** Failures the engine reports after reading the whole file and before changing anything. */
    private static final Set<BackupFailure.Reason> NOTHING_CHANGED = Set.of(BackupFailure.Reason.NOT_A_BACKUP,
            BackupFailure.Reason.NEWER_VERSION, BackupFailure.Reason.UNKNOWN_KEY, BackupFailure.Reason.TRUNCATED,
            BackupFailure.Reason.DAMAGED, BackupFailure.Reason.KEYS_LOCKED, BackupFailure.Reason.BUSY);

    private static final System.Logger LOG = System.getLogger(Restorer.class.getName());

    private final BackupCoordinator backups;
    private final BackupEngine engine;
    private final Catalogue catalogue;
    private final OperationLease lease;
    private final BackupAccess access;
    private final BackupAudit audit;
    private final MaintenanceMode maintenance;
    private final Clock clock;
    private final String node;

    Restorer(BackupCoordinator backups, BackupEngine engine, Catalogue catalogue, OperationLease lease,
            BackupAccess access, BackupAudit audit, MaintenanceMode maintenance, Clock clock, String node) {
        this.backups = backups;
        this.engine = engine;
        this.catalogue = catalogue;
        this.lease = lease;
        this.access = access;
        this.audit = audit;
        this.maintenance = maintenance;
        this.clock = clock;
        this.node = node;
    }

    BackupEngine.Restored restore(UUID id, BackupProgress progress) {
        access.check(BackupPermissions.RESTORE);
        audit.checkChangesAllowed();
        BackupInfo backup = backups.completed(id);
        Path file = BackupFiles.fileOf(backups.directory(), backup);
        try (OperationLease.Held held = lease.acquire("restore")) {
            return restoreHoldingLease(file, file.getParent(), id, progress);
        }
    }

    BackupEngine.Restored restoreFile(Path given, BackupProgress progress) {
        access.check(BackupPermissions.RESTORE);
        audit.checkChangesAllowed();
        if (given == null || !Files.isRegularFile(given)) {
            throw ValidationException.of("file", "no such file: " + given);
        }
        Path source = given.toAbsolutePath().normalize();
        try (OperationLease.Held held = lease.acquire("restore")) {
            BackupManifest manifest;
            try {
                manifest = engine.read(source, progress);
            } catch (BackupFailure failure) {
                audit.record(BackupAudit.entry(BackupAudit.RESTORE_FAILED, AuditOutcome.FAILURE, null)
                        .detail("file", source.getFileName()).detail("reason", failure.reason().name())
                        .detail("error", BackupAudit.detail(failure.getMessage())));
                throw BackupProblem.of(failure);
            }
            Path file = adopt(source);
            catalogue.found(manifest.id(), file.getFileName().toString(), manifest.trigger(), manifest.createdAt(),
                    clock.instant(), size(file), manifest.rowCount(), node);
            return restoreHoldingLease(file, source.getParent(), manifest.id(), progress);
        }
    }

    /** The file inside the backup directory: itself, or a copy (temporary name, then renamed) beside the others. */
    private Path adopt(Path source) {
        Path directory = backups.directory();
        if (directory.equals(source.getParent())) {
            return source;
        }
        Path target = directory.resolve(source.getFileName());
        try {
            Files.createDirectories(directory);
            if (Files.exists(target)) {
                if (Files.size(target) == Files.size(source)) {
                    return target;
                }
                throw BackupProblem.of(BackupFailure.Reason.STORAGE, "another file named " + source.getFileName()
                        + " is in the backup directory already", null);
            }
            Path temporary = directory.resolve(source.getFileName() + ".copying");
            Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw BackupProblem.of(BackupFailure.Reason.STORAGE, "the file cannot be copied into the backup "
                    + "directory: " + e.getClass().getSimpleName(), null);
        }
    }

    private BackupEngine.Restored restoreHoldingLease(Path file, Path keyDirectory, UUID id, BackupProgress progress) {
        String by = access.caller().displayName();
        maintenance.enter("restoring backup " + id + " (started by " + by + ")", id.toString());
        BackupInfo safety;
        try {
            safety = backups.backupHoldingLease("pre-restore", progress);
        } catch (RuntimeException e) {
            maintenance.clear();
            audit.record(BackupAudit.entry(BackupAudit.RESTORE_FAILED, AuditOutcome.FAILURE, id)
                    .detail("error", BackupAudit.detail("the safety backup failed, nothing was changed: "
                            + e.getMessage())));
            throw e;
        }
        List<BackupParticipant> participants = backups.participants();
        try {
            BackupEngine.Restored restored = engine.restore(file, participants, progress);
            long keys = restoreKeysWhenNone(keyDirectory);
            maintenance.clear();
            audit.record(BackupAudit.entry(BackupAudit.RESTORED, AuditOutcome.SUCCESS, id)
                    .detail("safetyBackup", safety.id()).detail("restored", restored.restoredParticipants())
                    .detail("skipped", restored.skippedParticipants())
                    .detail("migrated", restored.migratedParticipants()).detail("recordKeysRestored", keys));
            return restored;
        } catch (BackupFailure failure) {
            throw failed(id, safety, failure.reason(), failure.getMessage(), failure.part(),
                    NOTHING_CHANGED.contains(failure.reason()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Backup: the restore of " + id + " failed", e);
            throw failed(id, safety, BackupFailure.Reason.DATABASE, "unexpected failure: "
                    + e.getClass().getSimpleName(), null, false);
        }
    }

    private BackupProblem failed(UUID id, BackupInfo safety, BackupFailure.Reason reason, String message, String part,
            boolean nothingChanged) {
        String outcome;
        if (nothingChanged) {
            maintenance.clear();
            outcome = "nothing was changed";
        } else {
            outcome = "the CRM stays in maintenance; the data from before the restore is in backup " + safety.id()
                    + ": restore it, or end maintenance (crm:backup-maintenance-end) once the data is checked";
            maintenance.failed("restore of backup " + id + " failed: " + message + "; " + outcome, id.toString());
        }
        audit.record(BackupAudit.entry(BackupAudit.RESTORE_FAILED, AuditOutcome.FAILURE, id)
                .detail("reason", reason.name()).detail("part", part).detail("safetyBackup", safety.id())
                .detail("error", BackupAudit.detail(message)).detail("maintenance", nothingChanged ? "ended" : "on"));
        return BackupProblem.of(reason, message + " (" + outcome + ")", part);
    }

    /** Puts back the record keys of the key backup in {@code directory} when the database has none. */
    private long restoreKeysWhenNone(Path directory) {
        RecordKeyBackup keys = backups.recordKeys();
        if (keys == null || keys.count() > 0) {
            return 0;
        }
        return engine.restoreKeyBackup(directory);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
