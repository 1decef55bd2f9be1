package org.bastion.crm.backup.internal.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bastion.crm.backup.internal.BackupInfo;
import org.bastion.crm.backup.internal.BackupService;
import org.bastion.crm.backup.internal.engine.BackupEngine;
import org.bastion.crm.backup.internal.engine.BackupFailure;
import org.bastion.crm.backup.internal.engine.BackupProgress;

/** A {@link BackupService} that writes a small file and a catalogue row per backup, or fails when told to. */
public final class FakeBackupService implements BackupService {

    public final List<String> triggers = new ArrayList<>();
    private final ScheduleFixture fixture;
    private final Path directory;
    private final Clock clock;
    public volatile BackupFailure failure;

    public FakeBackupService(ScheduleFixture fixture, Path directory, Clock clock) {
        this.fixture = fixture;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public synchronized BackupInfo create(String trigger, BackupProgress progress) {
        triggers.add(trigger);
        String name = "backup-" + triggers.size() + ".cbk";
        if (failure != null) {
            fixture.backup(name, trigger, "FAILED", clock.instant(), failure.getMessage());
            throw failure;
        }
        try {
            Files.writeString(directory.resolve(name), "backup " + triggers.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UUID id = fixture.backup(name, trigger, "COMPLETED", clock.instant(), null);
        return new BackupInfo(id, name, trigger, "COMPLETED", clock.instant(), clock.instant(), 8L, 0L, null, null,
                null, null, null, null);
    }

    @Override
    public List<BackupInfo> list() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<BackupInfo> get(UUID id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BackupInfo verify(UUID id, BackupProgress progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BackupEngine.Restored restore(UUID id, BackupProgress progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BackupEngine.Restored restoreFile(Path file, BackupProgress progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delete(UUID id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Path directory() {
        return directory;
    }
}
