package org.bastion.crm.monitor.internal.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.bastion.crm.api.monitor.AlertEvents;
import org.osgi.service.event.Event;

/** Monitor events as crm-monitor's alert service posts them. */
public final class AlertEventsForTests {

    private AlertEventsForTests() {
    }

    /** An event on {@code topic} of a new alert of {@code rule}. */
    public static Event event(String topic, String rule, String state) {
        return event(topic, UUID.randomUUID().toString(), rule, state);
    }

    public static Event event(String topic, String id, String rule, String state) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(AlertEvents.ID, id);
        properties.put(AlertEvents.RULE, rule);
        properties.put(AlertEvents.SEVERITY, "high");
        properties.put(AlertEvents.SUBJECT, "user:42");
        properties.put(AlertEvents.STATE, state);
        properties.put(AlertEvents.SUMMARY, "5 failed logins for user 42 within 5 minutes");
        properties.put(AlertEvents.COUNT, 5L);
        properties.put(AlertEvents.FIRST_SEQUENCE, 10L);
        properties.put(AlertEvents.LAST_SEQUENCE, 14L);
        properties.put(AlertEvents.RAISED_AT, 1_700_000_000_000L);
        properties.put(AlertEvents.RESPONSES, new String[] {"lock-account"});
        return new Event(topic, properties);
    }
}
