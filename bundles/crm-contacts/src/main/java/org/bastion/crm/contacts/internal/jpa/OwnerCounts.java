package org.bastion.crm.contacts.internal.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many contacts each owner has, remembered between writes, so that the total of an unfiltered list page for a
 * caller with an own or team scope costs map lookups instead of counting the owners' rows on every page (H2 answers
 * an unfiltered {@code COUNT(*)} from its row count, but a count by owner reads the owner index).
 *
 * <p>Every write of the repository calls {@link #changing()} before and after its transaction; an answer counted
 * while a write was under way is never used after it, and no answer is used for longer than {@link #MAX_AGE_MILLIS}
 * (a bound for writes that commit in a transaction opened outside the repository).
 */
final class OwnerCounts {

    /** The longest an answer is used, in milliseconds. */
    static final long MAX_AGE_MILLIS = 2_000;
    /** The most owners remembered; beyond it the least recently used one is forgotten. */
    static final int LIMIT = 10_000;

    private record Count(long count, long generation, Instant countedAt) {
    }

    private final AtomicLong generation = new AtomicLong();
    /** Least recently used first; every access synchronizes on the map. */
    private final Map<String, Count> counts;
    private final Clock clock;

    OwnerCounts(Clock clock) {
        this(clock, LIMIT);
    }

    OwnerCounts(Clock clock, int limit) {
        this.clock = clock;
        this.counts = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Count> eldest) {
                return size() > limit;
            }
        });
    }

    /** Marks a write: answers counted before it (or while it runs) are no longer used. */
    void changing() {
        generation.incrementAndGet();
    }

    /** How many contacts the owners have together, from memory where it is current, else counted on {@code connection}. */
    long total(Connection connection, Set<String> owners) throws SQLException {
        long current = generation.get();
        Instant now = clock.instant();
        long total = 0;
        List<String> missing = new ArrayList<>();
        for (String owner : owners) {
            Count known = counts.get(owner);
            if (known != null && known.generation() == current
                    && known.countedAt().plusMillis(MAX_AGE_MILLIS).isAfter(now)) {
                total += known.count();
            } else {
                missing.add(owner);
            }
        }
        if (missing.isEmpty()) {
            return total;
        }
        Map<String, Long> counted = new ConcurrentHashMap<>();
        missing.forEach(owner -> counted.put(owner, 0L));
        for (Object[] row : JdbcRows.query(connection, "SELECT c.owner_id, COUNT(*) FROM crm_contact c WHERE c.owner_id IN ("
                + ChildRows.placeholders(missing.size()) + ") GROUP BY c.owner_id", missing)) {
            counted.put((String) row[0], ((Number) row[1]).longValue());
        }
        for (Map.Entry<String, Long> entry : counted.entrySet()) {
            counts.put(entry.getKey(), new Count(entry.getValue(), current, now));
            total += entry.getValue();
        }
        return total;
    }
}
