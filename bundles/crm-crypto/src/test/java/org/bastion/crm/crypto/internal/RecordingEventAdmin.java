package org.bastion.crm.crypto.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** An EventAdmin that keeps what is posted and lets a test wait for a topic. */
public final class RecordingEventAdmin implements EventAdmin {

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

    @Override
    public void postEvent(Event event) {
        events.add(event);
        waiters.forEach(waiter -> {
            if (waiter.topic.equals(event.getTopic())) {
                waiter.latch.countDown();
            }
        });
    }

    @Override
    public void sendEvent(Event event) {
        postEvent(event);
    }

    /** The events posted so far. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The events of one topic posted so far. */
    public List<Event> events(String topic) {
        return events.stream().filter(event -> event.getTopic().equals(topic)).toList();
    }

    /** Waits (at most 30 s) until an event of {@code topic} is posted, counting those posted already. */
    public void await(String topic) throws InterruptedException {
        Waiter waiter = new Waiter(topic);
        waiters.add(waiter);
        if (!events(topic).isEmpty()) {
            return;
        }
        if (!waiter.latch.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no event " + topic + " within 30 s; got " + events.stream().map(Event::getTopic).toList());
        }
    }

    /** Creates a CryptoEvents posting here. */
    public CryptoEvents cryptoEvents() {
        CryptoEvents cryptoEvents = new CryptoEvents();
        cryptoEvents.eventAdmin = this;
        return cryptoEvents;
    }

    private record Waiter(String topic, CountDownLatch latch) {
        Waiter(String topic) {
            this(topic, new CountDownLatch(1));
        }
    }
}
