package org.bastion.crm.backup.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.bastion.crm.api.ConflictException;
import org.bastion.crm.backup.internal.engine.BackupEngine;
import org.bastion.crm.backup.internal.engine.BackupFailure;
import org.bastion.crm.backup.internal.engine.BackupManifest;
import org.bastion.crm.backup.internal.engine.BackupProgress;

/**
 * The manifests of the catalogue's backups, which the catalogue does not hold: kept when this node writes or verifies a
 * backup, otherwise read from the file once (the file is the truth) and kept.
 */
final class Manifests {

    private static final System.Logger LOG = System.getLogger(Manifests.class.getName());

    private final Map<UUID, BackupManifest> known = new ConcurrentHashMap<>();
    private final BackupEngine engine;
    private final Supplier<Path> directory;

    Manifests(BackupEngine engine, Supplier<Path> directory) {
        this.engine = engine;
        this.directory = directory;
    }

    void put(UUID id, BackupManifest manifest) {
        known.put(id, manifest);
    }

    void remove(UUID id) {
        known.remove(id);
    }

    /** The backup with the manifest known on this node, if any (listing reads no file). */
    BackupInfo withKnown(BackupInfo info) {
        BackupManifest manifest = known.get(info.id());
        return manifest == null ? info : with(info, manifest);
    }

    /** The backup with its manifest, read from its file when not known yet; without one when the file is unreadable. */
    BackupInfo withRead(BackupInfo info) {
        BackupManifest manifest = known.get(info.id());
        if (manifest == null && Catalogue.COMPLETED.equals(info.state()) && info.fileName() != null) {
            try {
                Path file = BackupFiles.fileOf(directory.get(), info);
                if (Files.isRegularFile(file)) {
                    manifest = engine.read(file, BackupProgress.NONE);
                    known.put(info.id(), manifest);
                }
            } catch (BackupFailure | ConflictException unreadable) {
                LOG.log(System.Logger.Level.DEBUG, "Backup: no manifest for " + info.id() + ": " + unreadable);
            }
        }
        return manifest == null ? info : with(info, manifest);
    }

    private static BackupInfo with(BackupInfo i, BackupManifest manifest) {
        return new BackupInfo(i.id(), i.fileName(), i.trigger(), i.state(), i.startedAt(), i.finishedAt(),
                i.sizeBytes(), i.rowCount(), i.error(), i.verifyState(), i.verifiedAt(), i.verifyDetail(),
                i.offsiteCopiedAt(), manifest);
    }
}
