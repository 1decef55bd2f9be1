package org.bastion.crm.permissions.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.event.Event;

/** Records the events the services post. */
public final class RecordingEvents extends PermissionEventPublisher {

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    protected void deliver(Event event) {
        events.add(event);
    }

    /** Every event so far. */
    public List<Event> all() {
        return List.copyOf(events);
    }

    /** The last event of one topic. */
    public Event last(String topic) {
        List<Event> matching = events.stream().filter(e -> e.getTopic().equals(topic)).toList();
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
