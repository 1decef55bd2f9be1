package org.bastion.crm.monitor.internal.delivery;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deliveries of one channel, each retried with {@link Backoff} until it succeeds or its attempts are used up; held in
 * memory (a restart loses the deliveries still waiting) and bounded by a capacity (beyond it a new delivery is given
 * up at once). Logs one WARNING when the channel starts failing and one INFO when it works again, not one per
 * attempt.
 *
 * @param <T> what is delivered
 */
final class Outbox<T> {

    /** Makes one attempt; throws when it failed. */
    interface Attempt<T> {
        void deliver(T item) throws Exception;
    }

    /** Describes an item for the log, without secrets. */
    interface Describer<T> {
        String describe(T item);
    }

    private static final System.Logger LOG = System.getLogger(Outbox.class.getName());

    private final String channel;
    private final ScheduledExecutorService executor;
    private final Attempt<T> attempt;
    private final Describer<T> describer;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong givenUp = new AtomicLong();
    private volatile Backoff backoff;
    private volatile int capacity;
    private volatile boolean failing;
    private volatile String lastFailure;

    Outbox(String channel, ScheduledExecutorService executor, Backoff backoff, int capacity, Attempt<T> attempt,
            Describer<T> describer) {
        this.channel = channel;
        this.executor = executor;
        this.backoff = backoff;
        this.capacity = capacity;
        this.attempt = attempt;
        this.describer = describer;
    }

    /** Applies a new schedule and capacity to deliveries from now on. */
    void reconfigure(Backoff newBackoff, int newCapacity) {
        this.backoff = newBackoff;
        this.capacity = newCapacity;
    }

    /** Queues a first attempt now; false (and given up) when the capacity is reached. */
    boolean submit(T item) {
        if (pending.incrementAndGet() > capacity) {
            pending.decrementAndGet();
            givenUp.incrementAndGet();
            LOG.log(Level.WARNING, "{0}: {1} deliveries are waiting, {2} given up", channel, capacity,
                    describer.describe(item));
            return false;
        }
        executor.execute(() -> run(item, 1));
        return true;
    }

    private void run(T item, int number) {
        try {
            attempt.deliver(item);
            pending.decrementAndGet();
            delivered.incrementAndGet();
            if (failing) {
                failing = false;
                LOG.log(Level.INFO, "{0}: delivering again ({1})", channel, describer.describe(item));
            }
        } catch (Exception | LinkageError | java.util.ServiceConfigurationError failure) {
            lastFailure = oneLine(failure);
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "{0}: delivery failed, retrying with backoff ({1}): {2}", channel,
                        describer.describe(item), lastFailure);
            }
            Duration wait = backoff.after(number);
            if (wait == null) {
                pending.decrementAndGet();
                givenUp.incrementAndGet();
                LOG.log(Level.WARNING, "{0}: given up after {1} attempts ({2}): {3}", channel, number,
                        describer.describe(item), lastFailure);
                return;
            }
            try {
                executor.schedule(() -> run(item, number + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException stopped) {
                pending.decrementAndGet();
            }
        }
    }

    ChannelStatus status(boolean configured, String configurationProblem) {
        return new ChannelStatus(channel, configured, failing, pending.get(), delivered.get(), givenUp.get(),
                configurationProblem, failing ? lastFailure : null);
    }

    private static String oneLine(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        message = message.replaceAll("[\\r\\n]+", " ");
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
