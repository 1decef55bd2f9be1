package org.bastion.crm.itests.checks.permissions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bastion.crm.api.permissions.PermissionEvents;
import org.bastion.crm.itests.support.EventCollector;

/**
 * Reads the properties of permission events ({@link PermissionEvents}): string arrays as lists, and waits for the
 * event of one role, team or user.
 */
public final class EventValues {

    /** How long an event may take to arrive (EventAdmin delivers asynchronously). */
    public static final Duration DELIVERY = Duration.ofSeconds(10);

    private EventValues() {
    }

    /** A {@code String[]} (or collection) property as a list; empty when missing. */
    public static List<String> strings(Map<String, Object> event, String property) {
        Object value = event.get(property);
        List<String> values = new ArrayList<>();
        if (value instanceof String[] array) {
            values.addAll(List.of(array));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(item -> values.add(String.valueOf(item)));
        } else if (value != null) {
            values.add(String.valueOf(value));
        }
        return values;
    }

    /** Waits for the event whose {@code property} equals {@code value}, and checks its actor and timestamp. */
    public static Map<String, Object> await(EventCollector events, String topic, String property, String value,
            String actorId) {
        Map<String, Object> event = events.await(topic + " with " + property + "=" + value, DELIVERY,
                e -> Objects.equals(value, String.valueOf(e.get(property))));
        if (!Objects.equals(actorId, String.valueOf(event.get(PermissionEvents.ACTOR)))) {
            throw new AssertionError(topic + " names the actor " + actorId + ": " + event);
        }
        if (!(event.get(PermissionEvents.TIMESTAMP) instanceof Long)) {
            throw new AssertionError(topic + " carries a Long timestamp: " + event);
        }
        return event;
    }
}
