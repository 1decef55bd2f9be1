package org.bastion.crm.monitor.internal.window;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.bastion.crm.api.monitor.RuleWindow;

/**
 * The {@link RuleWindow} one rule counts in while it judges one audit entry: marks carry the entry's time and sequence
 * number (an entry told twice counts once), keys are kept apart per rule.
 */
public final class DbRuleWindow implements RuleWindow {

    private final WindowStore store;
    private final String rule;
    private final long sequence;
    private final Instant time;

    public DbRuleWindow(WindowStore store, String rule, long sequence, Instant time) {
        this.store = store;
        this.rule = rule;
        this.sequence = sequence;
        this.time = time;
    }

    @Override
    public long mark(String key, Duration within, long countUpTo) {
        return store.mark(rule, checked(key), "", sequence, time, positive(within), false, limit(countUpTo));
    }

    @Override
    public long markDistinct(String key, String value, Duration within, long countUpTo) {
        return store.mark(rule, checked(key), checked(value), sequence, time, positive(within), true,
                limit(countUpTo));
    }

    @Override
    public boolean firstSeen(String key, String value) {
        return store.firstSeen(rule, checked(key), checked(value), time);
    }

    private static String checked(String text) {
        Objects.requireNonNull(text, "key and value must not be null");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("keys and values must not be empty");
        }
        return text;
    }

    private static long limit(long countUpTo) {
        if (countUpTo < 1) {
            throw new IllegalArgumentException("countUpTo must be at least 1");
        }
        return countUpTo;
    }

    private static Duration positive(Duration within) {
        if (within == null || within.isNegative() || within.isZero()) {
            throw new IllegalArgumentException("a window must be positive");
        }
        return within;
    }
}
