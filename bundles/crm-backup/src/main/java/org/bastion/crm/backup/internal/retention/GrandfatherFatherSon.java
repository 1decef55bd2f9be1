package org.bastion.crm.backup.internal.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Retention as daily, weekly and monthly counts (grandfather-father-son), pure arithmetic over the completed backups:
 * the newest backup of each of the last {@code keepDaily} days that have one is kept, the newest of each of the last
 * {@code keepWeekly} ISO weeks, the newest of each of the last {@code keepMonthly} months; the newest backup of all and
 * every backup younger than a day are always kept (a manual backup is not deleted by the next one taken the same day,
 * nor the safety backup taken before a restore by the restore's own backups); the rest is deleted.
 */
public final class GrandfatherFatherSon {

    /** How long every backup is kept whatever the counts say. */
    public static final Duration ALWAYS_KEPT = Duration.ofDays(1);

    private final Policy policy;
    private final ZoneId zone;

    public GrandfatherFatherSon(Policy policy, ZoneId zone) {
        this.policy = policy;
        this.zone = zone;
    }

    /**
     * How many backups to keep per period.
     *
     * @param keepDaily   days whose newest backup is kept
     * @param keepWeekly  ISO weeks whose newest backup is kept
     * @param keepMonthly months whose newest backup is kept
     */
    public record Policy(int keepDaily, int keepWeekly, int keepMonthly) {

        /** @throws IllegalArgumentException when a count is negative */
        public Policy {
            if (keepDaily < 0 || keepWeekly < 0 || keepMonthly < 0) {
                throw new IllegalArgumentException("keepDaily, keepWeekly and keepMonthly must be 0 or more (got "
                        + keepDaily + ", " + keepWeekly + ", " + keepMonthly + ")");
            }
        }
    }

    /** One completed backup: its id, when its snapshot was taken and why. */
    public record Backup(UUID id, Instant takenAt, String trigger) {
    }

    /** The backups to delete among {@code completed} at {@code now}, newest first. */
    public List<Backup> toDelete(List<Backup> completed, Instant now) {
        List<Backup> newestFirst = new ArrayList<>(completed);
        newestFirst.sort(Comparator.comparing(Backup::takenAt).thenComparing(b -> b.id().toString()).reversed());
        Set<UUID> kept = new HashSet<>();
        if (!newestFirst.isEmpty()) {
            kept.add(newestFirst.get(0).id());
        }
        keepNewestPer(newestFirst, policy.keepDaily(), b -> day(b), kept);
        keepNewestPer(newestFirst, policy.keepWeekly(), b -> {
            LocalDate day = day(b);
            return day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        }, kept);
        keepNewestPer(newestFirst, policy.keepMonthly(), b -> YearMonth.from(day(b)), kept);
        List<Backup> deleted = new ArrayList<>();
        for (Backup backup : newestFirst) {
            boolean young = backup.takenAt().isAfter(now.minus(ALWAYS_KEPT));
            if (!kept.contains(backup.id()) && !young) {
                deleted.add(backup);
            }
        }
        return deleted;
    }

    private LocalDate day(Backup backup) {
        return LocalDate.ofInstant(backup.takenAt(), zone);
    }

    private static void keepNewestPer(List<Backup> newestFirst, int periods, Function<Backup, Object> period,
            Set<UUID> kept) {
        Set<Object> seen = new LinkedHashSet<>();
        for (Backup backup : newestFirst) {
            if (seen.size() >= periods) {
                return;
            }
            if (seen.add(period.apply(backup))) {
                kept.add(backup.id());
            }
        }
    }
}
