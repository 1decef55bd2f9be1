package org.bastion.crm.backup.internal.engine;

import java.nio.file.Path;
import java.util.List;

import org.bastion.crm.api.backup.BackupParticipant;

/**
 * The data path of backups, below the service: writes archives from one consistent snapshot of every participant's
 * tables, reads and verifies them, and restores them. Knows nothing of schedules, the catalogue, maintenance mode,
 * permissions or auditing (the service does those).
 */
public interface BackupEngine {

    /**
     * Reads every participant's tables in one read-only snapshot into a new archive {@code <directory>/<file name>}:
     * written under a temporary name, synced and renamed when complete; on any failure the partial file is removed.
     *
     * @return the manifest written at the archive's end, and the file
     * @throws BackupFailure STORAGE, KEYS_LOCKED or DATABASE
     */
    Written backup(Path directory, String trigger, List<BackupParticipant> participants, BackupProgress progress);

    /** A finished archive: where it is, how big, and what it holds. */
    record Written(Path file, long sizeBytes, BackupManifest manifest) {
    }

    /**
     * Reads an archive's manifest, checking every frame and checksum on the way.
     *
     * @throws BackupFailure NOT_A_BACKUP, UNKNOWN_KEY, TRUNCATED, DAMAGED or KEYS_LOCKED
     */
    BackupManifest read(Path file, BackupProgress progress);

    /**
     * Reads an archive (as {@link #read}) and loads it into a scratch in-memory database built from the participants'
     * migrations at the archive's schema versions, to show it loads.
     *
     * @return the manifest
     * @throws BackupFailure as {@link #read}, or DOES_NOT_LOAD naming the part
     */
    BackupManifest verify(Path file, List<BackupParticipant> participants, BackupProgress progress);

    /**
     * Replaces every participant's data with the archive's (the archive is read and checked whole before anything is
     * changed): in one transaction when schema versions match; when the archive is older, its participants' tables are
     * recreated at its versions, loaded and migrated. A participant installed now but absent from the archive keeps its
     * data; a participant in the archive but not installed now is reported and skipped. Calls
     * {@link BackupParticipant#beforeRestore()} of every participant it restores before changing data, and
     * {@link BackupParticipant#afterRestore()} after, whether the restore worked or not (the caller does not call them).
     * Like every method here, it runs its own local transactions: call it outside a JTA transaction.
     *
     * @return what was restored
     * @throws BackupFailure NEWER_VERSION before anything changed, or DATABASE when loading failed
     */
    Restored restore(Path file, List<BackupParticipant> participants, BackupProgress progress);

    /** What a restore did. */
    record Restored(BackupManifest manifest, List<String> restoredParticipants, List<String> skippedParticipants,
            List<String> migratedParticipants) {
    }

    /**
     * Writes the record keys ({@link org.bastion.crm.api.crypto.RecordKeyBackup#export}) into the key backup
     * {@code <directory>/record-keys.cbk}, replacing the previous one atomically.
     *
     * @return how many keys it holds
     */
    long writeKeyBackup(Path directory);

    /**
     * Puts back the record keys of the key backup in {@code directory} for records without a key (a restore onto an
     * empty database); does nothing when there is no key backup.
     *
     * @return how many keys were put back
     */
    long restoreKeyBackup(Path directory);
}
