package org.bastion.crm.backup.internal.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bastion.crm.backup.internal.retention.GrandfatherFatherSon.Backup;
import org.bastion.crm.backup.internal.retention.GrandfatherFatherSon.Policy;
import org.junit.jupiter.api.Test;

class GrandfatherFatherSonTest {

    /** Tuesday 8 December, a little more than a day after the newest backup of most tests. */
    private static final Instant NOW = Instant.parse("2026-12-08T03:00:00Z");

    private static GrandfatherFatherSon gfs(int daily, int weekly, int monthly) {
        return new GrandfatherFatherSon(new Policy(daily, weekly, monthly), ZoneOffset.UTC);
    }

    private static Backup at(String instant) {
        return new Backup(UUID.randomUUID(), Instant.parse(instant), "scheduled");
    }

    /** One backup a day at 02:00 for {@code days} days back from 7 December 2026. */
    private static List<Backup> daily(int days) {
        List<Backup> backups = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            backups.add(new Backup(UUID.randomUUID(), Instant.parse("2026-12-07T02:00:00Z")
                    .minus(Duration.ofDays(i)), "scheduled"));
        }
        return backups;
    }

    private static List<Instant> kept(List<Backup> all, List<Backup> deleted) {
        List<Instant> kept = new ArrayList<>(all.stream().map(Backup::takenAt).toList());
        kept.removeAll(deleted.stream().map(Backup::takenAt).toList());
        kept.sort(null);
        return kept;
    }

    @Test
    void keepsTheNewestBackupOfEachOfTheLastDays() {
        List<Backup> all = daily(10);

        List<Backup> deleted = gfs(3, 0, 0).toDelete(all, NOW);

        assertThat(kept(all, deleted)).containsExactly(Instant.parse("2026-12-05T02:00:00Z"),
                Instant.parse("2026-12-06T02:00:00Z"), Instant.parse("2026-12-07T02:00:00Z"));
    }

    @Test
    void onlyTheNewestBackupOfADayCountsAsItsDaily() {
        Backup morning = at("2026-12-06T02:00:00Z");
        Backup noon = at("2026-12-06T11:00:00Z");
        Backup dayBefore = at("2026-12-05T02:00:00Z");

        List<Backup> deleted = gfs(2, 0, 0).toDelete(List.of(morning, noon, dayBefore), NOW);

        assertThat(deleted).containsExactly(morning);
    }

    @Test
    void keepsTheNewestBackupOfEachOfTheLastIsoWeeksAndMonths() {
        List<Backup> all = daily(120); // 10 August to 7 December 2026

        List<Backup> deleted = gfs(2, 3, 4).toDelete(all, NOW);

        assertThat(kept(all, deleted)).containsExactly(
                Instant.parse("2026-09-30T02:00:00Z"), // newest of September (4th month)
                Instant.parse("2026-10-31T02:00:00Z"), // newest of October (3rd month)
                Instant.parse("2026-11-29T02:00:00Z"), // Sunday: newest of ISO week 48 (3rd week)
                Instant.parse("2026-11-30T02:00:00Z"), // newest of November (2nd month)
                Instant.parse("2026-12-06T02:00:00Z"), // yesterday (2nd day); Sunday, newest of week 49 (2nd week)
                Instant.parse("2026-12-07T02:00:00Z")); // today: 1st day, week 50, December
    }

    @Test
    void periodsWithoutBackupsDoNotCountAgainstTheLimit() {
        Backup today = at("2026-12-07T02:00:00Z");
        Backup weekAgo = at("2026-11-30T02:00:00Z");
        Backup monthAgo = at("2026-11-07T02:00:00Z");

        List<Backup> deleted = gfs(3, 0, 0).toDelete(List.of(today, weekAgo, monthAgo), NOW);

        assertThat(deleted).isEmpty();
    }

    @Test
    void theNewestBackupIsNeverDeletedEvenWhenEveryCountIsZero() {
        List<Backup> all = daily(5);

        List<Backup> deleted = gfs(0, 0, 0).toDelete(all, NOW);

        assertThat(kept(all, deleted)).containsExactly(Instant.parse("2026-12-07T02:00:00Z"));
    }

    @Test
    void everyBackupYoungerThanADayIsKeptWhateverTheCounts() {
        Instant now = Instant.parse("2026-12-07T12:00:00Z");
        Backup newest = at("2026-12-07T11:00:00Z");
        Backup safetyHourAgo = new Backup(UUID.randomUUID(), Instant.parse("2026-12-07T10:55:00Z"), "pre-restore");
        Backup manualThisMorning = new Backup(UUID.randomUUID(), Instant.parse("2026-12-07T02:00:00Z"), "manual");
        Backup safetyTwoDaysAgo = new Backup(UUID.randomUUID(), Instant.parse("2026-12-05T10:55:00Z"),
                "pre-restore");
        Backup manualTwoDaysAgo = new Backup(UUID.randomUUID(), Instant.parse("2026-12-05T09:00:00Z"), "manual");

        List<Backup> deleted = gfs(0, 0, 0).toDelete(List.of(newest, safetyHourAgo, manualThisMorning,
                safetyTwoDaysAgo, manualTwoDaysAgo), now);

        assertThat(deleted).containsExactly(safetyTwoDaysAgo, manualTwoDaysAgo);
    }

    @Test
    void daysAreCountedInTheServersTimeZone() {
        Backup lateEvening = at("2026-12-05T23:30:00Z"); // 6 December in UTC+2
        Backup morning = at("2026-12-06T02:00:00Z");

        assertThat(new GrandfatherFatherSon(new Policy(1, 0, 0), ZoneOffset.ofHours(2))
                .toDelete(List.of(lateEvening, morning), NOW)).containsExactly(lateEvening);
        assertThat(new GrandfatherFatherSon(new Policy(2, 0, 0), ZoneOffset.UTC)
                .toDelete(List.of(lateEvening, morning), NOW)).isEmpty();
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> new Policy(-1, 4, 12)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be 0 or more");
    }
}
