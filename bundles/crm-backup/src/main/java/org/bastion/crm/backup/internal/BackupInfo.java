package org.bastion.crm.backup.internal;

import java.time.Instant;
import java.util.UUID;

import org.bastion.crm.backup.internal.engine.BackupManifest;

/**
 * One backup as the catalogue knows it (REST body of {@code GET /backups/{id}}, one line of {@code crm:backup-list}).
 *
 * @param id           the backup's id (also in its file name and manifest)
 * @param fileName     the file's name in the backup directory (never its path; files are never served)
 * @param trigger      {@code manual}, {@code scheduled} or {@code pre-restore}
 * @param state        RUNNING, COMPLETED, FAILED or DELETED
 * @param startedAt    when it started
 * @param finishedAt   when it finished, or null
 * @param sizeBytes    the file's size, or null
 * @param rowCount     rows of every participant, or null
 * @param error        why it failed, or null
 * @param verifyState  null (never verified), VERIFIED or DAMAGED
 * @param verifiedAt   when last verified, or null
 * @param verifyDetail what the last verify found (the damaged part), or null
 * @param offsiteCopiedAt when it was copied to the off-site directory, or null
 * @param manifest     the manifest (participants, schema versions, row counts, checksums), or null while running
 */
public record BackupInfo(UUID id, String fileName, String trigger, String state, Instant startedAt, Instant finishedAt,
        Long sizeBytes, Long rowCount, String error, String verifyState, Instant verifiedAt, String verifyDetail,
        Instant offsiteCopiedAt, BackupManifest manifest) {
}
