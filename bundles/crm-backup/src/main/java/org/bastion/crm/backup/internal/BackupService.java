package org.bastion.crm.backup.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bastion.crm.backup.internal.engine.BackupEngine;
import org.bastion.crm.backup.internal.engine.BackupProgress;

/**
 * What the REST resources, shell commands and schedules of crm-backup call (a DS service inside the bundle): the
 * catalogue, one backup or restore at a time across every node, maintenance mode, auditing and permission checks
 * around the {@link BackupEngine}.
 */
public interface BackupService {

    /**
     * Takes a backup now (the caller needs {@code backups:manage}; the system caller for schedules), then rewrites the
     * key backup, applies retention and copies to the off-site directory when configured.
     *
     * @param trigger {@code manual}, {@code scheduled} or {@code pre-restore}
     */
    BackupInfo create(String trigger, BackupProgress progress);

    /** Every backup of the catalogue, newest first ({@code backups:read}). */
    List<BackupInfo> list();

    /** One backup ({@code backups:read}). */
    Optional<BackupInfo> get(UUID id);

    /** Verifies a backup of the catalogue and records the result ({@code backups:manage}). */
    BackupInfo verify(UUID id, BackupProgress progress);

    /**
     * Restores a backup of the catalogue ({@code backups:restore}) in maintenance mode.
     */
    BackupEngine.Restored restore(UUID id, BackupProgress progress);

    /**
     * Restores a backup file given by path (the shell's {@code crm:backup-restore <file>}, the disaster case on a fresh
     * installation), in maintenance mode; the file is added to the catalogue.
     */
    BackupEngine.Restored restoreFile(Path file, BackupProgress progress);

    /** Deletes a backup's file and marks it DELETED ({@code backups:manage}). */
    void delete(UUID id);

    /** The directory backups are written to, as configured. */
    Path directory();
}
