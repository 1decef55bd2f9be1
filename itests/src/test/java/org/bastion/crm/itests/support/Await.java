package org.bastion.crm.itests.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls instead of sleeping: asks a probe again and again until its answer satisfies a condition or a deadline passes.
 */
public final class Await {

    private static final long PAUSE_MILLIS = 250;

    private Await() {
    }

    /**
     * Returns the first answer of {@code probe} that {@code condition} accepts; fails with {@code what} and the last
     * answer (or the last exception the probe threw) once {@code timeout} has passed.
     */
    public static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        RuntimeException lastFailure = null;
        while (true) {
            try {
                last = probe.get();
                lastFailure = null;
                if (condition.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastFailure = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError error = new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for "
                        + what + "; last answer: " + (lastFailure != null ? lastFailure : last));
                if (lastFailure != null) {
                    error.initCause(lastFailure);
                }
                throw error;
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
