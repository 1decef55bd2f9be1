package org.bastion.crm.monitor.internal.delivery;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bastion.crm.api.monitor.AlertEvents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Fans every alert change out to the clients of {@code GET /api/v1/alerts/stream}: one event each, numbered; a
 * heartbeat comment every {@code streamHeartbeatSeconds} keeps quiet streams from Jetty's idle timeout; clients that
 * left or fell {@code streamBufferEvents} behind are dropped on the next write.
 */
@Component(service = {SseHub.class, EventHandler.class}, immediate = true,
        property = EventConstants.EVENT_TOPIC + "=" + AlertEvents.ALL_TOPICS,
        configurationPid = DeliveryConfiguration.PID)
@Designate(ocd = DeliveryConfiguration.class)
public class SseHub implements EventHandler {

    private static final System.Logger LOG = System.getLogger(SseHub.class.getName());

    private final Set<StreamSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicLong eventNumbers = new AtomicLong();
    private final ScheduledExecutorService heartbeats;
    private volatile int bufferEvents;
    private ScheduledFuture<?> heartbeat;

    @Activate
    public SseHub(DeliveryConfiguration configuration) {
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "crm-monitor-stream-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        modified(configuration);
    }

    @Modified
    synchronized void modified(DeliveryConfiguration configuration) {
        bufferEvents = Settings.bounded(configuration.streamBufferEvents(), 1, 10_000);
        int seconds = Settings.bounded(configuration.streamHeartbeatSeconds(), 1, 25);
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        heartbeat = heartbeats.scheduleWithFixedDelay(this::heartbeat, seconds, seconds, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        heartbeats.shutdownNow();
        subscribers.forEach(StreamSubscriber::close);
        subscribers.clear();
    }

    /** Adds a client; it is told at once that the stream is open (so its headers are sent). */
    public void subscribe(StreamSubscriber.Sink sink) {
        StreamSubscriber subscriber = new StreamSubscriber(sink, bufferEvents);
        subscribers.add(subscriber);
        deliver(subscriber, StreamEvent.comment("alert stream open"));
    }

    /** How many clients are connected. */
    public int clients() {
        return subscribers.size();
    }

    @Override
    public void handleEvent(Event event) {
        AlertMessage message = AlertMessage.from(event);
        if (message != null) {
            broadcast(StreamEvent.alert(eventNumbers.incrementAndGet(), message.toJson()));
        }
    }

    /** Sends the event to every client, dropping those that left or lag too far. */
    void broadcast(StreamEvent event) {
        subscribers.forEach(subscriber -> deliver(subscriber, event));
    }

    void heartbeat() {
        broadcast(StreamEvent.comment("heartbeat"));
    }

    private void deliver(StreamSubscriber subscriber, StreamEvent event) {
        if (!subscriber.offer(event)) {
            if (subscribers.remove(subscriber)) {
                LOG.log(Level.DEBUG, "alert stream client dropped (left, or {0} events behind)", subscriber.unsent());
            }
            subscriber.close();
        }
    }
}
