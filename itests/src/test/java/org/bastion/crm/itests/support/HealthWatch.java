package org.bastion.crm.itests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Polls {@code GET /api/v1/health} in the background (every 100 ms) while something happens, and remembers every
 * answer that was not 200, so a test can prove health kept answering throughout.
 *
 * <p>One kind of answer is recorded apart: CXF's {@code 404 No service was found.}, which the Aries whiteboard gives
 * while it rebuilds the application after a resource came or went (docs/adr/0004). Tests bound how long that lasts.
 */
public final class HealthWatch implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 100;

    private final CrmApi api;
    /** The body CXF answers with while the whiteboard rebuilds the application's endpoint. */
    public static final String REBUILD_ANSWER = "No service was found.";

    private final List<String> failures = new ArrayList<>();
    private final List<Long> rebuildAnswers = new ArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();
    private final Thread poller;
    private final long start = System.currentTimeMillis();
    private volatile boolean running = true;

    /** Starts polling at once. */
    public HealthWatch(CrmApi api) {
        this.api = api;
        this.poller = new Thread(this::poll, "crm-itest-health-watch");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running) {
            long started = System.currentTimeMillis();
            String failure;
            try {
                ApiResponse response = api.get("/health");
                failure = response.status() == 200 ? null : "HTTP " + response.status() + " " + oneLine(response.body());
            } catch (RuntimeException e) {
                failure = oneLine(String.valueOf(e.getMessage()));
            }
            polls.incrementAndGet();
            if (failure != null && failure.equals("HTTP 404 " + REBUILD_ANSWER)) {
                synchronized (failures) {
                    rebuildAnswers.add(started - start);
                }
            } else if (failure != null) {
                synchronized (failures) {
                    failures.add("+" + (started - start) + " ms: " + failure);
                }
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops polling and returns the answers that were not 200 (empty when health answered 200 every time). */
    public List<String> stop() {
        // no interrupt: it would abort a request in flight and record the abort as a failed answer
        running = false;
        try {
            poller.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** A summary for a failure message: how many answers were not 200 out of how many, and the first few. */
    public String describe(List<String> notOk) {
        return notOk.size() + " of " + polls.get() + " answers were not 200, first: "
                + notOk.subList(0, Math.min(5, notOk.size())) + (notOk.size() > 5 ? ", last: " + notOk.get(notOk.size() - 1) : "");
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return flat.length() <= 100 ? flat : flat.substring(0, 100) + "...";
    }

    /**
     * The milliseconds between the first and the last rebuild answer (0 for one, -1 for none), once stopped.
     */
    public long rebuildWindowMillis() {
        synchronized (failures) {
            return rebuildAnswers.isEmpty() ? -1 : rebuildAnswers.get(rebuildAnswers.size() - 1) - rebuildAnswers.get(0);
        }
    }

    /** How many times health was asked. */
    public int polls() {
        return polls.get();
    }

    @Override
    public void close() {
        stop();
    }
}
