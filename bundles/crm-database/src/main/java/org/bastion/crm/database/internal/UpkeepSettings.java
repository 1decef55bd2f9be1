package org.bastion.crm.database.internal;

import java.time.Duration;

/**
 * The housekeeping's settings, checked.
 *
 * @param interval how often it runs (zero: never)
 * @param retentionTimeMillis H2's retention time while it runs
 * @param targetFillRate rewrite chunks while the live share of the chunks is below this percentage
 * @param rewriteLimitBytes the most live data one run moves
 */
public record UpkeepSettings(Duration interval, int retentionTimeMillis, int targetFillRate, int rewriteLimitBytes) {

    /** Checks the values: a retention time shorter than five intervals would not be covered by the syncs. */
    public UpkeepSettings {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("housekeepingIntervalMillis must not be negative");
        }
        if (!interval.isZero() && retentionTimeMillis < 5 * interval.toMillis()) {
            throw new IllegalArgumentException("retentionTimeMillis must be at least 5 times housekeepingIntervalMillis");
        }
        if (targetFillRate < 1 || targetFillRate > 100) {
            throw new IllegalArgumentException("targetFillRate must be between 1 and 100");
        }
        if (rewriteLimitBytes < 1) {
            throw new IllegalArgumentException("rewriteLimitMegabytes must be positive");
        }
    }

    /** The settings of a configuration. */
    public static UpkeepSettings from(DatabaseConfiguration configuration) {
        return new UpkeepSettings(Duration.ofMillis(configuration.housekeepingIntervalMillis()),
                configuration.retentionTimeMillis(), configuration.targetFillRate(),
                Math.multiplyExact(configuration.rewriteLimitMegabytes(), 1 << 20));
    }

    /** Whether the housekeeping runs at all. */
    public boolean enabled() {
        return !interval.isZero();
    }
}
