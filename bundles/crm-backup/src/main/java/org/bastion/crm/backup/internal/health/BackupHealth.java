package org.bastion.crm.backup.internal.health;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.bastion.crm.api.health.ComponentHealth;
import org.bastion.crm.api.health.HealthContributor;
import org.bastion.crm.api.health.HealthState;
import org.bastion.crm.backup.internal.BackupDatabase;
import org.bastion.crm.backup.internal.BackupService;
import org.bastion.crm.backup.internal.retention.GrandfatherFatherSon;
import org.bastion.crm.backup.internal.schedule.OffsiteAndRetention;
import org.bastion.crm.backup.internal.schedule.BackupCatalogue;
import org.bastion.crm.backup.internal.schedule.BackupScheduler;
import org.bastion.crm.backup.internal.schedule.BackupSettings;
import org.bastion.crm.backup.internal.schedule.KeyBackupRefresher;
import org.bastion.crm.backup.internal.schedule.ScheduleDatabase;
import org.bastion.crm.backup.internal.schedule.ScheduledBackups;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reports {@value #NAME}: DEGRADED while the configured schedule is refused, the backup directory is missing or not
 * writable, the newest backup failed, the last off-site copy, retention or key backup rewrite after an erasure
 * failed, or no backup succeeded since a
 * scheduled time more than {@link #GRACE} ago (counted from when the schedule came into force on this node).
 */
@Component(service = HealthContributor.class)
public final class BackupHealth implements HealthContributor {

    /** The component name in the health report. */
    public static final String NAME = "backup";

    /** How long a scheduled backup may take before its absence degrades health. */
    public static final Duration GRACE = Duration.ofHours(1);

    private final Supplier<BackupSettings> settings;
    private final Supplier<ScheduledBackups.LastRun> lastRun;
    private final Supplier<String> afterProblem;
    private final BackupCatalogue catalogue;
    private final Supplier<Path> directory;
    private final Clock clock;

    @Activate
    public BackupHealth(@Reference BackupScheduler scheduler, @Reference OffsiteAndRetention after,
            @Reference KeyBackupRefresher keys, @Reference BackupDatabase database,
            @Reference BackupService service) {
        this(() -> scheduler.backups().settings(), () -> scheduler.backups().lastRun(),
                () -> after.problem() != null ? after.problem() : keys.problem(),
                new BackupCatalogue(new ScheduleDatabase(database.transactions())), service::directory,
                Clock.systemUTC());
    }

    /** With its sources given one by one (unit tests). */
    public BackupHealth(Supplier<BackupSettings> settings, Supplier<ScheduledBackups.LastRun> lastRun,
            Supplier<String> afterProblem, BackupCatalogue catalogue, Supplier<Path> directory, Clock clock) {
        this.settings = settings;
        this.lastRun = lastRun;
        this.afterProblem = afterProblem;
        this.catalogue = catalogue;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public ComponentHealth check() {
        try {
            List<String> problems = new ArrayList<>();
            BackupSettings current = settings.get();
            if (current.problem() != null) {
                problems.add(current.problem());
            }
            DirectoryCheck.problem(directory.get()).ifPresent(problems::add);
            Optional<BackupCatalogue.Row> last = catalogue.lastFinished();
            last.filter(row -> "FAILED".equals(row.state())).ifPresent(row -> problems.add("the last backup ("
                    + row.startedAt() + ") failed" + (row.error() == null ? "" : ": " + row.error())));
            Optional<Instant> success = last.filter(row -> "COMPLETED".equals(row.state())).map(BackupCatalogue.Row::startedAt)
                    .or(catalogue::lastSuccess);
            ScheduledBackups.LastRun run = lastRun.get();
            if (run != null && !run.succeeded() && success.map(s -> s.isBefore(run.at())).orElse(true)) {
                problems.add("the last scheduled backup (" + run.at() + ") failed: " + run.detail());
            }
            overdue(current, success).ifPresent(problems::add);
            String after = afterProblem.get();
            if (after != null) {
                problems.add(after);
            }
            GrandfatherFatherSon.Policy keep = current.retention();
            String state = "schedule '" + current.schedule().text() + "', retention daily " + keep.keepDaily()
                    + ", weekly " + keep.keepWeekly() + ", monthly " + keep.keepMonthly() + ", last success "
                    + success.map(Instant::toString).orElse("none");
            if (problems.isEmpty()) {
                return new ComponentHealth(NAME, HealthState.UP, state);
            }
            return new ComponentHealth(NAME, HealthState.DEGRADED, String.join("; ", problems) + " (" + state + ")");
        } catch (RuntimeException e) {
            return new ComponentHealth(NAME, HealthState.DOWN, "check failed: " + e.getClass().getSimpleName());
        }
    }

    private Optional<String> overdue(BackupSettings current, Optional<Instant> success) {
        Optional<Instant> due = current.schedule().previousAtOrBefore(clock.instant().minus(GRACE));
        if (due.isEmpty() || !due.get().isAfter(current.appliedAt())) {
            return Optional.empty();
        }
        Instant scheduled = due.get();
        boolean covered = success.map(s -> !s.isBefore(scheduled.minusSeconds(60))).orElse(false);
        return covered ? Optional.empty()
                : Optional.of("no backup succeeded since the one scheduled at " + scheduled);
    }
}
