package org.bastion.crm.monitor.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.bastion.crm.api.monitor.AlertEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SseHubTest {

    /** A client that records what it is sent; its writes complete at once, fail, or never complete. */
    static final class FakeSink implements StreamSubscriber.Sink {
        enum Mode { WRITES, GONE, STALLED }

        final List<StreamEvent> sent = new ArrayList<>();
        Mode mode = Mode.WRITES;
        boolean closed;

        @Override
        public CompletionStage<?> send(StreamEvent event) {
            sent.add(event);
            return switch (mode) {
                case WRITES -> CompletableFuture.completedFuture(null);
                case GONE -> CompletableFuture.failedFuture(new java.io.IOException("broken pipe"));
                case STALLED -> new CompletableFuture<>();
            };
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }

        List<StreamEvent> alerts() {
            return sent.stream().filter(e -> !e.isComment()).toList();
        }
    }

    private final SseHub hub = new SseHub(TestConfigurations.delivery(Map.of("streamBufferEvents", 3)));

    @AfterEach
    void stop() {
        hub.deactivate();
    }

    @Test
    void everyClientGetsEachAlertChangeWithAnIdAndJson() {
        FakeSink one = new FakeSink();
        FakeSink two = new FakeSink();
        hub.subscribe(one);
        hub.subscribe(two);
        hub.handleEvent(AlertEventsForTests.event(AlertEvents.ALERT_RAISED, "a-1", "failed-logins", "open"));
        hub.handleEvent(AlertEventsForTests.event(AlertEvents.ALERT_CHANGED, "a-1", "failed-logins", "resolved"));
        for (FakeSink sink : List.of(one, two)) {
            assertThat(sink.sent.get(0).isComment()).isTrue();
            assertThat(sink.alerts()).extracting(StreamEvent::id).containsExactly("1", "2");
            assertThat(sink.alerts()).extracting(StreamEvent::name).containsOnly("alert");
            assertThat(sink.alerts().get(0).data()).startsWith("{\"change\":\"raised\",\"id\":\"a-1\"")
                    .contains("\"rule\":\"failed-logins\"", "\"responses\":[\"lock-account\"]");
            assertThat(sink.alerts().get(1).data()).contains("\"change\":\"changed\"", "\"state\":\"resolved\"");
        }
    }

    @Test
    void aClientThatLeftIsDroppedOnTheNextWrite() {
        FakeSink gone = new FakeSink();
        FakeSink staying = new FakeSink();
        hub.subscribe(gone);
        hub.subscribe(staying);
        gone.mode = FakeSink.Mode.GONE;
        hub.heartbeat();
        assertThat(hub.clients()).isEqualTo(2);
        hub.handleEvent(AlertEventsForTests.event(AlertEvents.ALERT_RAISED, "failed-logins", "open"));
        assertThat(hub.clients()).isEqualTo(1);
        assertThat(gone.closed).isTrue();
        assertThat(staying.alerts()).hasSize(1);
    }

    @Test
    void aClientFallingBehindItsBufferIsDropped() {
        FakeSink slow = new FakeSink();
        slow.mode = FakeSink.Mode.STALLED;
        hub.subscribe(slow);
        hub.heartbeat();
        hub.heartbeat();
        assertThat(hub.clients()).isEqualTo(1);
        hub.heartbeat();
        assertThat(hub.clients()).isZero();
        assertThat(slow.closed).isTrue();
    }

    @Test
    void heartbeatsAreCommentsOnly() {
        FakeSink sink = new FakeSink();
        hub.subscribe(sink);
        hub.heartbeat();
        assertThat(sink.sent).allMatch(StreamEvent::isComment);
        assertThat(sink.sent.get(1).comment()).isEqualTo("heartbeat");
    }

    @Test
    void otherTopicsAreIgnored() {
        FakeSink sink = new FakeSink();
        hub.subscribe(sink);
        hub.handleEvent(new org.osgi.service.event.Event(AlertEvents.TOPIC_PREFIX + "SOMETHING_ELSE", Map.of()));
        assertThat(sink.alerts()).isEmpty();
    }
}
