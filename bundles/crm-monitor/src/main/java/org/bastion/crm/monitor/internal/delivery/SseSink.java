package org.bastion.crm.monitor.internal.delivery;

import java.util.concurrent.CompletionStage;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.sse.OutboundSseEvent;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;

/** A {@link StreamSubscriber.Sink} over the JAX-RS server-sent-events sink of one request. */
final class SseSink implements StreamSubscriber.Sink {

    private final SseEventSink sink;
    private final Sse sse;

    SseSink(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    @Override
    public CompletionStage<?> send(StreamEvent event) {
        OutboundSseEvent.Builder builder = sse.newEventBuilder();
        if (event.isComment()) {
            builder.comment(event.comment());
        } else {
            // text/plain: the JSON text is written as it is (a JSON provider would quote the string)
            builder.id(event.id()).name(event.name()).mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class,
                    event.data());
        }
        return sink.send(builder.build());
    }

    @Override
    public boolean isClosed() {
        return sink.isClosed();
    }

    @Override
    public void close() {
        sink.close();
    }
}
