package org.bastion.crm.monitor.internal.config;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The working hours of administrators: {@code start} (inclusive) to {@code end} (exclusive) in {@code zone}; an end
 * before the start spans midnight.
 */
public record OffHours(LocalTime start, LocalTime end, ZoneId zone) {

    /** Whether {@code time} falls outside the working hours. */
    public boolean isOffHours(Instant time) {
        LocalTime local = time.atZone(zone).toLocalTime();
        boolean working = start.isBefore(end) ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end);
        return !working;
    }
}
