package org.bastion.crm.itests.checks.vendor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;

/**
 * Client threads that ask the rest of the CRM ({@code GET /api/v1/health} and {@code GET /api/v1/contacts}) back to
 * back while a feature comes and goes, and remember every answer that was not 200, whatever it was (the whiteboard's
 * rebuild answer {@code 404 No service was found.} included).
 */
public final class SteadyTraffic implements AutoCloseable {

    private static final String[] PATHS = {"/health", "/contacts?size=1"};

    private final List<Thread> threads = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private final long start = System.currentTimeMillis();
    private volatile boolean running = true;

    /** Starts {@code clients} threads, each with a client from {@code clientFactory}, alternating the paths. */
    public SteadyTraffic(int clients, Supplier<CrmApi> clientFactory) {
        for (int i = 0; i < clients; i++) {
            CrmApi api = clientFactory.get();
            String path = PATHS[i % PATHS.length];
            Thread thread = new Thread(() -> run(api, path), "crm-itest-steady-traffic-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void run(CrmApi api, String path) {
        while (running) {
            long at = System.currentTimeMillis() - start;
            String failure;
            try {
                ApiResponse response = api.get(path);
                failure = response.status() == 200 ? null : "HTTP " + response.status() + " " + oneLine(response.body());
            } catch (RuntimeException e) {
                failure = oneLine(String.valueOf(e.getMessage()));
            }
            requests.incrementAndGet();
            if (failure != null) {
                synchronized (failures) {
                    failures.add("+" + at + " ms " + path + ": " + failure);
                }
            }
        }
    }

    /** Stops every thread (letting requests in flight finish) and returns the failed answers. */
    public List<String> stop() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** How many requests were answered (or failed) so far. */
    public long requests() {
        return requests.get();
    }

    /** A summary for an assertion message: the count, the count of each kind of failure, and the first few. */
    public String describe(List<String> failed) {
        java.util.Map<String, Long> kinds = failed.stream().collect(java.util.stream.Collectors.groupingBy(
                f -> f.substring(f.indexOf(" ms ") + 4, Math.min(f.length(), f.indexOf(" ms ") + 64)),
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        return failed.size() + " of " + requests.get() + " requests failed; by kind: " + kinds + "; first: "
                + failed.subList(0, Math.min(5, failed.size()));
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }

    @Override
    public void close() {
        stop();
    }
}
