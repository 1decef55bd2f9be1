package org.bastion.crm.backup.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.TimeZone;

import org.bastion.crm.backup.internal.engine.BackupFailure;
import org.bastion.crm.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduledBackupsTest {

    private final ScheduleFixture fixture = new ScheduleFixture();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T01:59:59.500Z"));
    private TimeZone zone;

    @TempDir
    Path directory;

    private FakeBackupService service;

    @BeforeEach
    void utc() {
        zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        service = new FakeBackupService(fixture, directory, clock);
    }

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(zone);
    }

    private ScheduledBackups node(String name) {
        return new ScheduledBackups(service, new JobLease(fixture.database, JobLease.BACKUP_JOB, name), clock);
    }

    @Test
    void oneNodeBacksUpPerScheduledTimeHoweverManyFire() {
        ScheduledBackups a = node("a");
        ScheduledBackups b = node("b");
        a.configure(Configs.schedule("0 0 2 * * ?"));
        b.configure(Configs.schedule("0 0 2 * * ?"));

        clock.advance(Duration.ofMillis(600)); // 02:00:00.100
        a.fire();
        b.fire();
        clock.advance(Duration.ofDays(1));
        b.fire();
        a.fire();

        assertThat(service.triggers).containsExactly("scheduled", "scheduled");
        assertThat(a.lastRun().succeeded()).isTrue();
        assertThat(b.lastRun().succeeded()).isTrue();
    }

    @Test
    void aNodeFiringBeforeTheScheduledTimeDoesNotBackUp() {
        ScheduledBackups a = node("a");
        a.configure(Configs.schedule("0 0 2 * * ?"));

        a.fire();

        assertThat(service.triggers).isEmpty();
    }

    @Test
    void aFailedBackupIsRecordedAsTheLastRun() {
        ScheduledBackups a = node("a");
        a.configure(Configs.schedule("0 0 2 * * ?"));
        service.failure = new BackupFailure(BackupFailure.Reason.STORAGE, "The backup directory is full");

        clock.advance(Duration.ofMillis(600));
        a.fire();

        assertThat(a.lastRun().succeeded()).isFalse();
        assertThat(a.lastRun().detail()).isEqualTo("STORAGE: The backup directory is full");
    }

    @Test
    void aScheduleThatDoesNotParseIsRefusedAndThePreviousStays() {
        ScheduledBackups a = node("a");
        a.configure(Configs.schedule("0 0 2 * * ?"));

        BackupSettings settings = a.configure(Configs.schedule("0 0 2 * *"));

        assertThat(settings.schedule().text()).isEqualTo("0 0 2 * * ?");
        assertThat(settings.problem()).contains("'0 0 2 * *' is not a Quartz cron expression with seconds")
                .contains("keeping schedule '0 0 2 * * ?'");
        clock.advance(Duration.ofMillis(600));
        a.fire();
        assertThat(service.triggers).containsExactly("scheduled");

        assertThat(a.configure(Configs.schedule("0 0 3 * * ?")).problem()).isNull();
    }

    @Test
    void aNewScheduleMovesTheLeaseToItsFirstFireTime() {
        ScheduledBackups a = node("a");
        a.configure(Configs.schedule("0 0 2 * * ?"));
        clock.advance(Duration.ofMillis(600));
        a.fire(); // next run: tomorrow 02:00

        a.configure(Configs.schedule("0 0 3 * * ?"));
        clock.advance(Duration.ofHours(1));
        a.fire();

        assertThat(service.triggers).hasSize(2);
    }

    @Test
    void aNegativeRetentionCountIsRefusedLikeABadSchedule() {
        ScheduledBackups a = node("a");
        a.configure(Configs.schedule("0 0 2 * * ?"));

        BackupSettings settings = a.configure(Configs.of("0 0 4 * * ?", -1, 4, 12, ""));

        assertThat(settings.problem()).contains("must be 0 or more");
        assertThat(settings.schedule().text()).isEqualTo("0 0 2 * * ?");
    }
}
