package org.bastion.crm.backup.internal.schedule;

import java.nio.file.Path;
import java.time.Instant;
import java.util.TimeZone;

import org.bastion.crm.backup.internal.retention.GrandfatherFatherSon;

/**
 * The schedule, retention and off-site directory in force, with the problem of the last configuration when it was
 * refused (the previous settings then stay in force).
 *
 * @param schedule  when backups run
 * @param retention how many backups retention keeps
 * @param offsite   the off-site directory, or null for none
 * @param appliedAt when the schedule came into force on this node
 * @param problem   why the last configuration was refused, or null when it was applied
 */
public record BackupSettings(BackupSchedule schedule, GrandfatherFatherSon.Policy retention, Path offsite,
        Instant appliedAt, String problem) {

    /** The schedule used when the first configuration is refused: daily at 02:00. */
    public static final String DEFAULT_SCHEDULE = "0 0 2 * * ?";

    /**
     * The settings of {@code config}, or {@code previous} with the problem named when a value is refused.
     *
     * @param previous the settings in force, or null on the first configuration
     */
    public static BackupSettings of(ScheduleConfig config, BackupSettings previous, Instant now, TimeZone zone) {
        String text = config.schedule() == null ? "" : config.schedule();
        try {
            BackupSchedule schedule = BackupSchedule.parse(text, zone);
            GrandfatherFatherSon.Policy policy = new GrandfatherFatherSon.Policy(config.keepDaily(),
                    config.keepWeekly(), config.keepMonthly());
            Instant applied = previous != null && previous.schedule().text().equals(schedule.text())
                    ? previous.appliedAt() : now;
            return new BackupSettings(schedule, policy, offsite(config.offsiteDirectory()), applied, null);
        } catch (IllegalArgumentException e) {
            String problem = "backup configuration refused: " + e.getMessage();
            if (previous == null) {
                BackupSchedule fallback = BackupSchedule.parse(DEFAULT_SCHEDULE, zone);
                return new BackupSettings(fallback, new GrandfatherFatherSon.Policy(7, 4, 12), null, now,
                        problem + "; using the default schedule '" + DEFAULT_SCHEDULE + "'");
            }
            return new BackupSettings(previous.schedule(), previous.retention(), previous.offsite(),
                    previous.appliedAt(), problem + "; keeping schedule '" + previous.schedule().text() + "'");
        }
    }

    /** An off-site directory as configured: relative paths are under the Karaf base directory. */
    static Path offsite(String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        Path path = Path.of(configured.trim());
        return path.isAbsolute() ? path : Path.of(System.getProperty("karaf.base", ".")).resolve(path);
    }
}
