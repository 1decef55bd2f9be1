package org.bastion.crm.backup.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.backup.internal.engine.BackupEngine;
import org.bastion.crm.backup.internal.engine.BackupFailure;
import org.bastion.crm.backup.internal.engine.BackupManifest;
import org.bastion.crm.backup.internal.engine.BackupProgress;

/**
 * A {@link BackupEngine} for the service's tests: a "backup" is a small file holding its id; failures are armed per
 * operation; restores and key backups are recorded.
 */
final class FakeEngine implements BackupEngine {

    BackupFailure failBackup;
    BackupFailure failVerify;
    BackupFailure failRestore;
    Consumer<Path> duringRestore = file -> { };
    final List<Path> restored = new ArrayList<>();
    final List<Path> keyBackupsWritten = new ArrayList<>();
    final List<Path> keyBackupsRestored = new ArrayList<>();
    int backups;

    @Override
    public Written backup(Path directory, String trigger, List<BackupParticipant> participants,
            BackupProgress progress) {
        if (failBackup != null) {
            throw failBackup;
        }
        backups++;
        UUID id = UUID.randomUUID();
        BackupManifest manifest = manifest(id, trigger, participants);
        progress.advanced("fake/table", 3, 3);
        if (!Files.isDirectory(directory)) {
            throw new BackupFailure(BackupFailure.Reason.STORAGE, "the backup directory " + directory + " is missing");
        }
        try {
            Path file = directory.resolve("crm-backup-" + id + ".cbk");
            Files.writeString(file, id + "\n" + trigger, StandardCharsets.UTF_8);
            return new Written(file, Files.size(file), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public BackupManifest read(Path file, BackupProgress progress) {
        try {
            String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n");
            return manifest(UUID.fromString(lines[0]), lines.length > 1 ? lines[1] : "manual", List.of());
        } catch (IOException | IllegalArgumentException e) {
            throw new BackupFailure(BackupFailure.Reason.NOT_A_BACKUP, "not a backup: " + file.getFileName());
        }
    }

    @Override
    public BackupManifest verify(Path file, List<BackupParticipant> participants, BackupProgress progress) {
        if (failVerify != null) {
            throw failVerify;
        }
        return read(file, progress);
    }

    @Override
    public Restored restore(Path file, List<BackupParticipant> participants, BackupProgress progress) {
        duringRestore.accept(file);
        if (failRestore != null) {
            throw failRestore;
        }
        restored.add(file);
        return new Restored(read(file, progress), participants.stream().map(BackupParticipant::name).toList(),
                List.of(), List.of());
    }

    @Override
    public long writeKeyBackup(Path directory) {
        keyBackupsWritten.add(directory);
        return 7;
    }

    @Override
    public long restoreKeyBackup(Path directory) {
        keyBackupsRestored.add(directory);
        return 7;
    }

    private static BackupManifest manifest(UUID id, String trigger, List<BackupParticipant> participants) {
        List<BackupManifest.Participant> parts = participants.stream().map(p -> new BackupManifest.Participant(
                p.name(), p.schemaComponent(), 1, List.of(new BackupManifest.Table("t", p.name() + "/t", 3, 30,
                        "00")))).toList();
        return new BackupManifest(1, id, Instant.parse("2026-12-07T10:00:00Z"), "0.1.0", "h2", trigger, parts);
    }
}
