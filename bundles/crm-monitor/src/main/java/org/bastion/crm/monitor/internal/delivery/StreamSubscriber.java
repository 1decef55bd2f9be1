package org.bastion.crm.monitor.internal.delivery;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client of the alert stream with a bounded buffer: at most {@code limit} events may be unsent at once; a client
 * over that, or one whose last write failed (it left), is refused on its next offer and dropped by the hub.
 */
final class StreamSubscriber {

    /** Where the events go: the JAX-RS {@code SseEventSink}, or a fake in tests. */
    interface Sink {
        /** Sends one event; the stage completes when it was written, exceptionally when the client is gone. */
        CompletionStage<?> send(StreamEvent event);

        boolean isClosed();

        void close();
    }

    private final Sink sink;
    private final int limit;
    private final AtomicInteger unsent = new AtomicInteger();
    private final AtomicBoolean failed = new AtomicBoolean();

    StreamSubscriber(Sink sink, int limit) {
        this.sink = sink;
        this.limit = limit;
    }

    /** Queues the event; false when the client left or is too slow (it must then be dropped). */
    boolean offer(StreamEvent event) {
        if (failed.get() || sink.isClosed()) {
            return false;
        }
        if (unsent.incrementAndGet() > limit) {
            unsent.decrementAndGet();
            return false;
        }
        CompletionStage<?> sent;
        try {
            sent = sink.send(event);
        } catch (RuntimeException gone) {
            unsent.decrementAndGet();
            failed.set(true);
            return false;
        }
        sent.whenComplete((ignored, failure) -> {
            unsent.decrementAndGet();
            if (failure != null) {
                failed.set(true);
            }
        });
        return true;
    }

    /** Events queued and not yet written. */
    int unsent() {
        return unsent.get();
    }

    void close() {
        try {
            sink.close();
        } catch (RuntimeException alreadyGone) {
            // the client left: nothing to close
        }
    }
}
