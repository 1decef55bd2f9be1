package org.bastion.crm.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** An {@link EventAdmin} that records the events the services post (and those sent synchronously). */
public final class RecordingEvents implements EventAdmin {

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void postEvent(Event event) {
        events.add(event);
    }

    @Override
    public void sendEvent(Event event) {
        events.add(event);
    }

    /** Every event so far. */
    public List<Event> all() {
        return List.copyOf(events);
    }

    /** The events of one topic. */
    public List<Event> of(String topic) {
        return events.stream().filter(e -> e.getTopic().equals(topic)).toList();
    }

    /** The last event of one topic. */
    public Event last(String topic) {
        List<Event> matching = of(topic);
        if (matching.isEmpty()) {
            throw new AssertionError("no event " + topic + " in " + events.stream().map(Event::getTopic).toList());
        }
        return matching.get(matching.size() - 1);
    }

    /** Forgets the events so far. */
    public void clear() {
        events.clear();
    }
}
