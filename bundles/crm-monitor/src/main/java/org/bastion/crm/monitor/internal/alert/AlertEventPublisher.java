package org.bastion.crm.monitor.internal.alert;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bastion.crm.api.monitor.Alert;
import org.bastion.crm.api.monitor.AlertEvents;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Posts an alert on its {@link AlertEvents} topic with every property the topic promises. */
final class AlertEventPublisher {

    private AlertEventPublisher() {
    }

    /** The properties of an alert's event. */
    static Map<String, Object> properties(Alert alert, List<String> responses) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(AlertEvents.ID, alert.id().toString());
        properties.put(AlertEvents.RULE, alert.rule());
        properties.put(AlertEvents.SEVERITY, alert.severity().wireName());
        properties.put(AlertEvents.SUBJECT, alert.subject());
        properties.put(AlertEvents.STATE, alert.state().wireName());
        properties.put(AlertEvents.SUMMARY, alert.summary());
        properties.put(AlertEvents.COUNT, alert.count());
        properties.put(AlertEvents.FIRST_SEQUENCE, alert.firstSequence());
        properties.put(AlertEvents.LAST_SEQUENCE, alert.lastSequence());
        properties.put(AlertEvents.RAISED_AT, alert.raisedAt().toEpochMilli());
        properties.put(AlertEvents.RESPONSES, responses.toArray(new String[0]));
        return properties;
    }

    /** Posts {@code alert} on {@code topic} when an EventAdmin is there. */
    static void post(EventAdmin events, String topic, Alert alert, List<String> responses) {
        if (events != null) {
            events.postEvent(new Event(topic, properties(alert, responses)));
        }
    }
}
