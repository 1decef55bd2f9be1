package org.bastion.crm.backup.internal.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.TimeZone;

import org.bastion.crm.api.CrmException;
import org.bastion.crm.backup.internal.BackupInfo;
import org.bastion.crm.backup.internal.BackupService;
import org.bastion.crm.backup.internal.engine.BackupFailure;
import org.bastion.crm.backup.internal.engine.BackupProgress;

/**
 * The scheduled backups of one node: holds the schedule in force (a refused one keeps the previous, with one log line
 * naming the problem) and, each time the schedule fires, runs {@code BackupService.create("scheduled")} when this node
 * wins the scheduled time's lease (the service then calls the off-site copy and retention, {@link OffsiteAndRetention}).
 */
public final class ScheduledBackups {

    /** The trigger of scheduled backups. */
    public static final String TRIGGER = "scheduled";

    /** The lease's next run when the schedule never fires again. */
    static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

    private static final System.Logger LOG = System.getLogger(ScheduledBackups.class.getName());

    /** What the last scheduled run on this node did. */
    public record LastRun(Instant at, boolean succeeded, String detail) {
    }

    private final BackupService service;
    private final JobLease lease;
    private final Clock clock;
    private volatile BackupSettings settings;
    private volatile LastRun lastRun;

    public ScheduledBackups(BackupService service, JobLease lease, Clock clock) {
        this.service = service;
        this.lease = lease;
        this.clock = clock;
    }

    /** A node name unique to this run of this node, for the lease's holder column. */
    public static String nodeName() {
        return System.getProperty("karaf.name", "node") + "/" + UUID.randomUUID();
    }

    /**
     * Applies a configuration: a valid schedule replaces the one in force and moves the lease to its next fire time;
     * a refused one is logged and the previous stays.
     *
     * @return the settings now in force
     */
    public synchronized BackupSettings configure(ScheduleConfig config) {
        BackupSettings previous = settings;
        BackupSettings next = BackupSettings.of(config, previous, clock.instant(), TimeZone.getDefault());
        settings = next;
        if (next.problem() != null) {
            LOG.log(System.Logger.Level.WARNING, "B" + next.problem().substring(1));
        } else if (previous == null || !previous.schedule().text().equals(next.schedule().text())) {
            LOG.log(System.Logger.Level.INFO, next.schedule().isEmpty() ? "No backups are scheduled"
                    : "Backups scheduled at '" + next.schedule().text() + "'");
        }
        try {
            next.schedule().nextAfter(clock.instant()).ifPresent(lease::reset);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "The backup schedule's lease could not be moved to the new schedule ("
                    + e.getMessage() + "); the next run may come at the previous schedule's time");
        }
        return next;
    }

    /** The settings in force (never null once configured). */
    public BackupSettings settings() {
        return settings;
    }

    /** The last scheduled run on this node, or null. */
    public LastRun lastRun() {
        return lastRun;
    }

    /** What the scheduler calls at each fire time: backs up when this node claims the run. */
    public void fire() {
        Instant now = clock.instant();
        Instant next = settings.schedule().nextAfter(now).orElse(NEVER);
        try {
            if (!lease.claim(now, next)) {
                LOG.log(System.Logger.Level.DEBUG, "Scheduled backup at " + now + " runs on another node");
                return;
            }
        } catch (RuntimeException e) {
            record(now, false, "the schedule's lease could not be taken: " + e.getMessage());
            return;
        }
        try {
            BackupInfo info = service.create(TRIGGER, BackupProgress.NONE);
            if ("COMPLETED".equals(info.state())) {
                record(now, true, "backup " + info.fileName());
            } else {
                record(now, false, "backup " + info.fileName() + " " + info.state() + ": " + info.error());
            }
        } catch (BackupFailure e) {
            record(now, false, e.reason() + ": " + e.getMessage());
        } catch (CrmException e) {
            record(now, false, e.getMessage());
        } catch (RuntimeException e) {
            record(now, false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void record(Instant at, boolean succeeded, String detail) {
        lastRun = new LastRun(at, succeeded, detail);
        LOG.log(succeeded ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
                "Scheduled backup " + (succeeded ? "done: " : "failed: ") + detail);
    }
}
