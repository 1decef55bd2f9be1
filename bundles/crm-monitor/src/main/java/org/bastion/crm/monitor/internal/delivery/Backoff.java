package org.bastion.crm.monitor.internal.delivery;

import java.time.Duration;

/**
 * The retry schedule of a failed delivery: the first retry {@link #FIRST} after the first attempt, each later one
 * twice as long after the previous, at most {@link #LONGEST}; {@code maxAttempts} attempts in all.
 */
record Backoff(int maxAttempts) {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofSeconds(60);

    Backoff {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt, not " + maxAttempts);
        }
    }

    /**
     * The wait before attempt {@code attempt + 1}, after attempt {@code attempt} (from 1) failed; null when that was
     * the last one.
     */
    Duration after(int attempt) {
        if (attempt >= maxAttempts) {
            return null;
        }
        long millis = FIRST.toMillis() << Math.min(attempt - 1, 30);
        return Duration.ofMillis(Math.min(millis, LONGEST.toMillis()));
    }

    /** The time from the first attempt to the last, all retries waited out. */
    Duration span() {
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            total = total.plus(after(attempt));
        }
        return total;
    }
}
