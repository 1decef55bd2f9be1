package org.bastion.crm.backup.internal;

import java.nio.file.Path;

/**
 * Told after each successful backup, while the backup's operation lease is still held (a DS service inside the bundle,
 * multiple and optional): the schedules apply retention, copy off-site and verify here. A hook must not call
 * {@link BackupService#create}, {@link BackupService#restore} or {@link BackupService#delete} (they need the lease and
 * would answer BUSY); its failures are logged and do not fail the backup.
 */
public interface AfterBackup {

    /** {@code backup} was written to {@code file}. */
    void completed(BackupInfo backup, Path file);
}
