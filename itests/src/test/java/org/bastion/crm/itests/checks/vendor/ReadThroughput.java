package org.bastion.crm.itests.checks.vendor;

import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;

/**
 * The figure of the issue that added the sample plugin: {@code GET /deals/{id}} reaches at least 0.9 times the
 * throughput of {@code GET /contacts/{id}} in the same run (vendors get the same fast path). The two are measured in
 * alternating rounds with the same clients, so that load from elsewhere falls on both alike.
 */
public final class ReadThroughput {

    /**
     * The least ratio deals/contacts this check accepts: half, a bound for a broken fast path (a query or a key
     * unwrap too many per read), wide enough for a shared machine's noise in 3 x 2 s. The aim (0.9) is a
     * benchmark figure, measured by bench/vendor-read.sh on one running server, not a test's threshold.
     */
    public static final double MINIMUM_RATIO = 0.5;

    private static final int CLIENTS = 2;
    private static final int ROUNDS = 3;
    private static final long ROUND_MILLIS = 2_000;

    private final Supplier<CrmApi> clients;

    /** Measures with clients from {@code clients} (each holding a token that may read both records). */
    public ReadThroughput(Supplier<CrmApi> clients) {
        this.clients = clients;
    }

    /** Measures both reads and asserts the ratio; returns it. */
    public double dealReadsKeepUpWithContactReads(String contactPath, String dealPath) {
        Expect.status(200, clients.get().get(contactPath));
        Expect.status(200, clients.get().get(dealPath));
        long contacts = 0;
        long deals = 0;
        for (int round = 0; round < ROUNDS; round++) {
            contacts += readsIn(contactPath);
            deals += readsIn(dealPath);
        }
        double ratio = (double) deals / contacts;
        String figure = "GET /deals/{id} " + deals + " vs GET /contacts/{id} " + contacts + " reads in " + ROUNDS
                + " x " + ROUND_MILLIS + " ms each with " + CLIENTS + " clients: ratio " + String.format("%.2f", ratio);
        System.out.println("[figure] " + figure);
        assertTrue(figure + " (at least " + MINIMUM_RATIO + " expected)", ratio >= MINIMUM_RATIO);
        return ratio;
    }

    private long readsIn(String path) {
        AtomicLong ok = new AtomicLong();
        long end = System.currentTimeMillis() + ROUND_MILLIS;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            CrmApi api = clients.get();
            Thread thread = new Thread(() -> {
                while (System.currentTimeMillis() < end) {
                    if (api.get(path).status() == 200) {
                        ok.incrementAndGet();
                    }
                }
            }, "crm-itest-read-throughput-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring " + path, e);
            }
        }
        return ok.get();
    }
}
