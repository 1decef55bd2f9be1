package org.bastion.crm.itests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Client threads asking the CRM the same requests in a tight loop while something happens (no pause between
 * requests), counting every answer and tallying those that are not served (by default: not 200) by what they were: status, content type and
 * the start of the body, or the exception the client met (a reset connection, a timeout).
 */
public final class SteadyLoad implements AutoCloseable {

    /** One kind of request a client thread sends, and the answers that count as served. */
    public record Probe(String name, Supplier<ApiResponse> request, Predicate<ApiResponse> served) {

        /** A request that must answer 200 every time. */
        public Probe(String name, Supplier<ApiResponse> request) {
            this(name, request, answer -> answer.status() == 200);
        }
    }

    private final List<Thread> threads = new ArrayList<>();
    private final LongAdder requests = new LongAdder();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final AtomicLong lastFailureAt = new AtomicLong();
    private volatile boolean running = true;
    private volatile String phase = "";

    /** Starts {@code threads} client threads at once, each sending the probes in turn, round after round. */
    public SteadyLoad(int threadCount, List<Probe> probes) {
        for (int i = 0; i < threadCount; i++) {
            int offset = i;
            Thread thread = new Thread(() -> run(probes, offset), "crm-itest-steady-load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void run(List<Probe> probes, int offset) {
        for (long round = offset; running; round++) {
            Probe probe = probes.get((int) (round % probes.size()));
            String failure;
            try {
                ApiResponse answer = probe.request().get();
                failure = probe.served().test(answer) ? null
                        : probe.name() + " -> " + answer.status() + " [" + answer.header("Content-Type") + "] "
                        + flat(answer.body());
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                failure = probe.name() + " -> " + cause.getClass().getSimpleName() + ": " + flat(cause.getMessage());
            }
            requests.increment();
            if (failure != null) {
                failure = phase + failure;
                failures.computeIfAbsent(failure, k -> new LongAdder()).increment();
                lastFailureAt.set(System.currentTimeMillis());
            }
        }
    }

    private static String flat(String text) {
        String flat = String.valueOf(text).replaceAll("\\s+", " ").trim();
        return flat.length() <= 400 ? flat : flat.substring(0, 400) + "...";
    }

    /** Names what is happening now; failures are tallied under it (for instance "uninstalling: "). */
    public void phase(String name) {
        this.phase = name;
    }

    /** Requests answered (or failed) so far. */
    public long requests() {
        return requests.sum();
    }

    /** Failed requests so far. */
    public long failed() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The failures so far by kind, with their counts. */
    public Map<String, Long> failuresByKind() {
        Map<String, Long> byKind = new TreeMap<>();
        failures.forEach((kind, count) -> byKind.put(kind, count.sum()));
        return byKind;
    }

    /** Stops the client threads, waiting for the requests in flight (no interrupt: that would fail them). */
    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
