package org.bastion.crm.backup.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import org.bastion.crm.api.audit.AuditRecorder;
import org.bastion.crm.backup.internal.BackupAudit;
import org.bastion.crm.backup.internal.BackupInfo;
import org.bastion.crm.testing.RecordingAuditLog;
import org.bastion.crm.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsiteAndRetentionTest {

    private final ScheduleFixture fixture = new ScheduleFixture();
    private final RecordingAuditLog log = new RecordingAuditLog();
    private final BackupAudit audit = new BackupAudit(new AuditRecorder(() -> log, () -> null));
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T02:00:05Z"));

    @TempDir
    Path directory;

    @TempDir
    Path elsewhere;

    private BackupInfo backup(String name) throws IOException {
        Files.writeString(directory.resolve(name), "archive " + name);
        UUID id = fixture.backup(name, "manual", "COMPLETED", clock.instant(), null);
        return new BackupInfo(id, name, "manual", "COMPLETED", clock.instant(), clock.instant(), 1L, 1L, null, null,
                null, null, null, null);
    }

    @Test
    void aFinishedBackupAndTheKeyBackupAreCopiedOffSiteAndTheCopyIsRecorded() throws IOException {
        Path offsite = elsewhere.resolve("mount/backups");
        Files.writeString(directory.resolve(OffsiteAndRetention.KEY_BACKUP), "keys");
        BackupInfo info = backup("a.cbk");
        OffsiteAndRetention after = new OffsiteAndRetention(fixture.catalogue, audit, Configs.of("", 7, 4, 12, offsite.toString()), clock);

        after.completed(info, directory.resolve(info.fileName()));

        assertThat(offsite.resolve("a.cbk")).hasContent("archive a.cbk");
        assertThat(offsite.resolve(OffsiteAndRetention.KEY_BACKUP)).hasContent("keys");
        try (var files = Files.list(offsite)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("a.cbk",
                    OffsiteAndRetention.KEY_BACKUP);
        }
        assertThat(fixture.catalogue.get(info.id()).orElseThrow().offsiteCopiedAt()).isEqualTo(clock.instant());
        assertThat(after.problem()).isNull();
    }

    @Test
    void aFailedOffSiteCopyLeavesNoPartialFileIsReportedAndRetentionStillRuns() throws IOException {
        Path notADirectory = elsewhere.resolve("file");
        Files.writeString(notADirectory, "in the way");
        BackupInfo older = backup("older.cbk");
        clock.advance(java.time.Duration.ofDays(2));
        BackupInfo info = backup("b.cbk");
        OffsiteAndRetention after = new OffsiteAndRetention(fixture.catalogue, audit,
                Configs.of("", 0, 0, 0, notADirectory.toString()), clock);

        after.completed(info, directory.resolve(info.fileName()));

        assertThat(after.problem()).isEqualTo("off-site copy of b.cbk failed: FileAlreadyExistsException");
        assertThat(fixture.catalogue.get(info.id()).orElseThrow().offsiteCopiedAt()).isNull();
        try (var files = Files.list(elsewhere)) {
            assertThat(files).containsExactly(notADirectory);
        }
        assertThat(fixture.state(older.id())).isEqualTo("DELETED");
        assertThat(log.all()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("backup.deleted");
            assertThat(entry.target().id()).isEqualTo(older.id().toString());
            assertThat(entry.details()).containsEntry("reason", "retention");
        });
    }

    @Test
    void theSafetyBackupOfARestoreIsCopiedButLetsNoBackupGo() throws IOException {
        Path offsite = elsewhere.resolve("offsite");
        BackupInfo toRestore = backup("old.cbk");
        clock.advance(java.time.Duration.ofDays(40));
        Files.writeString(directory.resolve("safety.cbk"), "archive safety.cbk");
        UUID id = fixture.backup("safety.cbk", "pre-restore", "COMPLETED", clock.instant(), null);
        BackupInfo safety = new BackupInfo(id, "safety.cbk", "pre-restore", "COMPLETED", clock.instant(),
                clock.instant(), 1L, 1L, null, null, null, null, null, null);
        OffsiteAndRetention after = new OffsiteAndRetention(fixture.catalogue, audit,
                Configs.of("", 0, 0, 0, offsite.toString()), clock);

        after.completed(safety, directory.resolve("safety.cbk"));

        assertThat(fixture.state(toRestore.id())).isEqualTo("COMPLETED");
        assertThat(directory.resolve("old.cbk")).exists();
        assertThat(offsite.resolve("safety.cbk")).exists();
    }

    @Test
    void theOffSiteCopyReplacesAPreviousCopyOfTheKeyBackup() throws IOException {
        Path offsite = elsewhere.resolve("offsite");
        OffsiteAndRetention after = new OffsiteAndRetention(fixture.catalogue, audit, Configs.of("", 7, 4, 12, offsite.toString()), clock);
        Files.writeString(directory.resolve(OffsiteAndRetention.KEY_BACKUP), "keys 1");
        assertThat(after.copyKeyBackup(directory)).isTrue();
        Files.writeString(directory.resolve(OffsiteAndRetention.KEY_BACKUP), "keys 2, one destroyed");

        assertThat(after.copyKeyBackup(directory)).isTrue();

        assertThat(offsite.resolve(OffsiteAndRetention.KEY_BACKUP)).hasContent("keys 2, one destroyed");
        try (var files = Files.list(offsite)) {
            assertThat(files).hasSize(1);
        }
    }
}
