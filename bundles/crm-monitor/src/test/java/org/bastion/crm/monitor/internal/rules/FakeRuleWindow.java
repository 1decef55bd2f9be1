package org.bastion.crm.monitor.internal.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.bastion.crm.api.monitor.RuleWindow;

/** A {@link RuleWindow} in memory, marking at the time a supplier gives (the test's clock). */
public final class FakeRuleWindow implements RuleWindow {

    private record Mark(String key, String value, Instant time) {
    }

    private final Supplier<Instant> now;
    private final List<Mark> marks = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    public FakeRuleWindow(Supplier<Instant> now) {
        this.now = now;
    }

    @Override
    public long mark(String key, Duration within, long countUpTo) {
        Instant time = now.get();
        marks.add(new Mark(key, "", time));
        return Math.min(countUpTo, marks.stream()
                .filter(m -> m.key().equals(key) && m.value().isEmpty() && inside(m, time, within)).count());
    }

    @Override
    public long markDistinct(String key, String value, Duration within, long countUpTo) {
        Instant time = now.get();
        marks.add(new Mark(key, value, time));
        return Math.min(countUpTo, marks.stream()
                .filter(m -> m.key().equals(key) && !m.value().isEmpty() && inside(m, time, within))
                .map(Mark::value).distinct().count());
    }

    @Override
    public boolean firstSeen(String key, String value) {
        return seen.add(key + "\u0000" + value);
    }

    private static boolean inside(Mark mark, Instant time, Duration within) {
        return mark.time().isAfter(time.minus(within)) && !mark.time().isAfter(time);
    }
}
