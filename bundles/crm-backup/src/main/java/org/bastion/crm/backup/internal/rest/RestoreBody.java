package org.bastion.crm.backup.internal.rest;

import java.util.List;
import java.util.UUID;

import org.bastion.crm.backup.internal.engine.BackupEngine;

/**
 * What {@code POST /backups/{id}/restore} answers after the restore.
 *
 * @param backupId     the backup restored
 * @param restored     the participants whose data was replaced
 * @param skipped      participants in the backup but not installed now (their data was not restored)
 * @param migrated     participants whose data was older than the code and was migrated
 */
public record RestoreBody(UUID backupId, List<String> restored, List<String> skipped, List<String> migrated) {

    static RestoreBody of(UUID id, BackupEngine.Restored restored) {
        return new RestoreBody(id, restored.restoredParticipants(), restored.skippedParticipants(),
                restored.migratedParticipants());
    }
}
