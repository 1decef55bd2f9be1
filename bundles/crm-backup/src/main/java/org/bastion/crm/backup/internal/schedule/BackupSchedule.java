package org.bastion.crm.backup.internal.schedule;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

import org.quartz.CronExpression;

/**
 * The backup schedule of PID {@code org.bastion.crm.backup}: Quartz cron expressions with seconds separated by
 * {@code ;} (an empty schedule means no scheduled backups), parsed by the same Quartz code that fires them, with the
 * fire times health and the cluster lease need.
 */
public final class BackupSchedule {

    /** The longest gap between fire times looked back over (a yearly schedule fits). */
    private static final Duration LOOK_BACK = Duration.ofDays(800);

    private final String text;
    private final List<String> expressions;
    private final List<CronExpression> crons;

    private BackupSchedule(String text, List<String> expressions, List<CronExpression> crons) {
        this.text = text;
        this.expressions = List.copyOf(expressions);
        this.crons = List.copyOf(crons);
    }

    /**
     * Parses a schedule in {@code zone}.
     *
     * @throws IllegalArgumentException naming the expression and what is wrong with it
     */
    public static BackupSchedule parse(String text, TimeZone zone) {
        String trimmed = text == null ? "" : text.trim();
        List<String> expressions = new ArrayList<>();
        List<CronExpression> crons = new ArrayList<>();
        for (String part : trimmed.split(";")) {
            String expression = part.trim().replaceAll("\\s+", " ");
            if (expression.isEmpty()) {
                continue;
            }
            expressions.add(expression);
            crons.add(cron(expression, zone));
        }
        return new BackupSchedule(trimmed, expressions, crons);
    }

    private static CronExpression cron(String expression, TimeZone zone) {
        CronExpression cron;
        try {
            cron = new CronExpression(expression);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("'" + expression + "' is not a Quartz cron expression with seconds ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
        cron.setTimeZone(zone);
        if (cron.getNextValidTimeAfter(new Date()) == null) {
            throw new IllegalArgumentException("'" + expression + "' never fires again");
        }
        return cron;
    }

    /** The schedule as configured. */
    public String text() {
        return text;
    }

    /** Each expression, normalised; empty when no backups are scheduled. */
    public List<String> expressions() {
        return expressions;
    }

    /** Whether no backup is scheduled. */
    public boolean isEmpty() {
        return crons.isEmpty();
    }

    /** The first fire time strictly after {@code time}, over every expression; empty when none is scheduled. */
    public Optional<Instant> nextAfter(Instant time) {
        Instant next = null;
        for (CronExpression cron : crons) {
            Date date = cron.getNextValidTimeAfter(Date.from(time));
            if (date != null && (next == null || date.toInstant().isBefore(next))) {
                next = date.toInstant();
            }
        }
        return Optional.ofNullable(next);
    }

    /**
     * The last fire time at or before {@code time}, over every expression, looking back at most 800 days; empty when
     * none is scheduled or none fell in that time.
     */
    public Optional<Instant> previousAtOrBefore(Instant time) {
        Duration window = Duration.ofMinutes(1);
        while (true) {
            Instant start = time.minus(window);
            Instant last = null;
            Optional<Instant> next = nextAfter(start.minusSeconds(1));
            while (next.isPresent() && !next.get().isAfter(time)) {
                last = next.get();
                next = nextAfter(last);
            }
            if (last != null) {
                return Optional.of(last);
            }
            if (window.compareTo(LOOK_BACK) >= 0) {
                return Optional.empty();
            }
            window = window.multipliedBy(4);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
