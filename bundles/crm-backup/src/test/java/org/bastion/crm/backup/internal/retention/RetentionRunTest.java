package org.bastion.crm.backup.internal.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bastion.crm.backup.internal.schedule.BackupCatalogue;
import org.bastion.crm.backup.internal.schedule.ScheduleFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionRunTest {

    private static final Instant NOW = Instant.parse("2026-12-08T12:00:00Z");

    private final ScheduleFixture fixture = new ScheduleFixture();

    @TempDir
    Path directory;

    @TempDir
    Path offsite;

    private UUID backup(int daysAgo, String state) throws IOException {
        String name = "backup-" + daysAgo + ".cbk";
        Files.writeString(directory.resolve(name), "data");
        Files.writeString(offsite.resolve(name), "data");
        return fixture.backup(name, "scheduled", state, Instant.parse("2026-12-07T02:00:00Z")
                .minus(Duration.ofDays(daysAgo)), null);
    }

    @Test
    void deletesTheFilesRetentionLetsGoAndMarksTheirRowsDeleted() throws IOException {
        List<UUID> ids = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            ids.add(backup(day, "COMPLETED"));
        }

        List<BackupCatalogue.Row> deleted = new RetentionRun(fixture.catalogue, ZoneOffset.UTC)
                .apply(new GrandfatherFatherSon.Policy(2, 0, 0), directory, offsite, NOW);

        assertThat(deleted).extracting(BackupCatalogue.Row::fileName)
                .containsExactly("backup-2.cbk", "backup-3.cbk", "backup-4.cbk");
        assertThat(ids).extracting(fixture::state)
                .containsExactly("COMPLETED", "COMPLETED", "DELETED", "DELETED", "DELETED");
        try (var files = Files.list(directory)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("backup-0.cbk", "backup-1.cbk");
        }
        try (var files = Files.list(offsite)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("backup-0.cbk", "backup-1.cbk");
        }
    }

    @Test
    void failedAndRunningBackupsAreNotCountedNorDeleted() throws IOException {
        UUID failed = backup(0, "FAILED");
        UUID running = backup(1, "RUNNING");
        UUID newestCompleted = backup(2, "COMPLETED");
        UUID older = backup(3, "COMPLETED");

        new RetentionRun(fixture.catalogue, ZoneOffset.UTC).apply(new GrandfatherFatherSon.Policy(1, 0, 0),
                directory, null, NOW);

        assertThat(List.of(failed, running, newestCompleted, older)).extracting(fixture::state)
                .containsExactly("FAILED", "RUNNING", "COMPLETED", "DELETED");
        assertThat(directory.resolve("backup-3.cbk")).doesNotExist();
        assertThat(offsite.resolve("backup-3.cbk")).exists();
    }

    @Test
    void aFileThatCannotBeDeletedKeepsItsRow() throws IOException {
        backup(0, "COMPLETED");
        UUID stuck = backup(1, "COMPLETED");
        Path file = directory.resolve("backup-1.cbk");
        Files.delete(file);
        Files.createDirectory(file);
        Files.writeString(file.resolve("inside"), "a directory that is not empty cannot be deleted");

        List<BackupCatalogue.Row> deleted = new RetentionRun(fixture.catalogue, ZoneOffset.UTC)
                .apply(new GrandfatherFatherSon.Policy(1, 0, 0), directory, null, NOW);

        assertThat(deleted).isEmpty();
        assertThat(fixture.state(stuck)).isEqualTo("COMPLETED");
    }
}
