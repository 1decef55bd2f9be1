package org.bastion.crm.backup.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicReference;

import org.bastion.crm.api.health.ComponentHealth;
import org.bastion.crm.api.health.HealthState;
import org.bastion.crm.backup.internal.schedule.BackupSettings;
import org.bastion.crm.backup.internal.schedule.Configs;
import org.bastion.crm.backup.internal.schedule.ScheduleFixture;
import org.bastion.crm.backup.internal.schedule.ScheduledBackups;
import org.bastion.crm.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupHealthTest {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private final ScheduleFixture fixture = new ScheduleFixture();
    /** The schedule came into force on 1 December; now is 7 December, 10:00. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final AtomicReference<BackupSettings> settings = new AtomicReference<>(
            BackupSettings.of(Configs.schedule("0 0 2 * * ?"), null, Instant.parse("2026-12-01T00:00:00Z"), UTC));
    private final AtomicReference<ScheduledBackups.LastRun> lastRun = new AtomicReference<>();
    private final AtomicReference<String> afterProblem = new AtomicReference<>();

    @TempDir
    Path directory;

    private ComponentHealth check() {
        return new BackupHealth(settings::get, lastRun::get, afterProblem::get, fixture.catalogue, () -> directory,
                clock).check();
    }

    @Test
    void upWhenTodaysScheduledBackupSucceeded() {
        fixture.backup("a.cbk", "scheduled", "COMPLETED", Instant.parse("2026-12-07T02:00:00.100Z"), null);

        ComponentHealth health = check();

        assertThat(health.state()).isEqualTo(HealthState.UP);
        assertThat(health.detail()).isEqualTo("schedule '0 0 2 * * ?', retention daily 7, weekly 4, monthly 12, "
                + "last success 2026-12-07T02:00:00.100Z");
    }

    @Test
    void degradedWhenNoBackupSucceededSinceAScheduledTimePlusGrace() {
        fixture.backup("a.cbk", "scheduled", "COMPLETED", Instant.parse("2026-12-06T02:00:00Z"), null);
        clock.advance(Duration.ofHours(-7).minusMinutes(30)); // 02:30: today's may still be running

        assertThat(check().state()).isEqualTo(HealthState.UP);

        clock.advance(Duration.ofMinutes(31)); // 03:01
        ComponentHealth late = check();
        assertThat(late.state()).isEqualTo(HealthState.DEGRADED);
        assertThat(late.detail()).startsWith("no backup succeeded since the one scheduled at 2026-12-07T02:00:00Z");
    }

    @Test
    void aScheduleThatCameIntoForceAfterItsLastFireTimeIsNotOverdue() {
        settings.set(BackupSettings.of(Configs.schedule("0 0 2 * * ?"), null, Instant.parse("2026-12-07T09:00:00Z"),
                UTC));

        assertThat(check().state()).isEqualTo(HealthState.UP);
    }

    @Test
    void degradedWhileTheLastBackupFailedAndUpAgainAfterASuccess() {
        fixture.backup("a.cbk", "scheduled", "COMPLETED", Instant.parse("2026-12-07T02:00:00Z"), null);
        fixture.backup("b.cbk", "manual", "FAILED", Instant.parse("2026-12-07T09:00:00Z"),
                "The backup directory is full");

        ComponentHealth failed = check();
        assertThat(failed.state()).isEqualTo(HealthState.DEGRADED);
        assertThat(failed.detail()).startsWith("the last backup (2026-12-07T09:00:00Z) failed: The backup directory"
                + " is full");

        fixture.backup("c.cbk", "manual", "COMPLETED", Instant.parse("2026-12-07T09:30:00Z"), null);
        assertThat(check().state()).isEqualTo(HealthState.UP);
    }

    @Test
    void degradedWhileTheLastScheduledRunOfThisNodeFailedWithoutACatalogueRow() {
        fixture.backup("a.cbk", "scheduled", "COMPLETED", Instant.parse("2026-12-07T02:00:00Z"), null);
        lastRun.set(new ScheduledBackups.LastRun(Instant.parse("2026-12-07T08:00:00Z"), false,
                "BUSY: another backup or restore runs"));

        assertThat(check().detail()).startsWith("the last scheduled backup (2026-12-07T08:00:00Z) failed: BUSY");
    }

    @Test
    void degradedWhileTheScheduleIsRefusedNamingTheProblem() {
        fixture.backup("a.cbk", "scheduled", "COMPLETED", Instant.parse("2026-12-07T02:00:00Z"), null);
        settings.set(BackupSettings.of(Configs.schedule("every night"), settings.get(), clock.instant(), UTC));

        ComponentHealth health = check();

        assertThat(health.state()).isEqualTo(HealthState.DEGRADED);
        assertThat(health.detail()).contains("'every night' is not a Quartz cron expression with seconds")
                .contains("keeping schedule '0 0 2 * * ?'");
    }

    @Test
    void degradedWhileTheDirectoryIsNotWritableOrNotADirectory() throws IOException {
        fixture.backup("a.cbk", "scheduled", "COMPLETED", Instant.parse("2026-12-07T02:00:00Z"), null);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-x------"));
        try {
            if (!Files.isWritable(directory)) { // root may write anywhere
                assertThat(check().detail()).startsWith("the backup directory " + directory + " is not writable");
            }
        } finally {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
        assertThat(check().state()).isEqualTo(HealthState.UP);

        Path file = directory.resolve("file");
        Files.writeString(file, "");
        ComponentHealth notADirectory = new BackupHealth(settings::get, lastRun::get, afterProblem::get,
                fixture.catalogue, () -> file, clock).check();
        assertThat(notADirectory.detail()).startsWith("the backup directory " + file + " is not a directory");
    }

    @Test
    void aMissingDirectoryIsCreated() {
        fixture.backup("a.cbk", "scheduled", "COMPLETED", Instant.parse("2026-12-07T02:00:00Z"), null);
        Path missing = directory.resolve("new/backups");

        ComponentHealth health = new BackupHealth(settings::get, lastRun::get, afterProblem::get,
                fixture.catalogue, () -> missing, clock).check();

        assertThat(health.state()).isEqualTo(HealthState.UP);
        assertThat(missing).isDirectory();
    }

    @Test
    void degradedWhileTheLastOffSiteCopyFailed() {
        fixture.backup("a.cbk", "scheduled", "COMPLETED", Instant.parse("2026-12-07T02:00:00Z"), null);
        afterProblem.set("off-site copy of a.cbk failed: AccessDeniedException");

        assertThat(check().detail()).startsWith("off-site copy of a.cbk failed: AccessDeniedException");
    }
}
