package org.bastion.crm.monitor.internal.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.bastion.crm.api.monitor.AlertEvents;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Alerts not resolved, by rule, as the monitor's events tell them on this node since this bundle started (an alert
 * raised before a restart is counted once it changes again).
 */
@Component(service = {OpenAlerts.class, EventHandler.class}, immediate = true,
        property = EventConstants.EVENT_TOPIC + "=" + AlertEvents.ALL_TOPICS)
public class OpenAlerts implements EventHandler {

    private static final String RESOLVED = "resolved";

    /** Alert id → rule, for alerts not resolved. */
    private final Map<String, String> open = new ConcurrentHashMap<>();

    @Override
    public void handleEvent(Event event) {
        Object id = event.getProperty(AlertEvents.ID);
        Object rule = event.getProperty(AlertEvents.RULE);
        if (id == null || rule == null || !event.getTopic().startsWith(AlertEvents.TOPIC_PREFIX + "ALERT_")) {
            return;
        }
        if (RESOLVED.equals(String.valueOf(event.getProperty(AlertEvents.STATE)))) {
            open.remove(id.toString());
        } else {
            open.put(id.toString(), rule.toString());
        }
    }

    /** Replaces what the events told with the alerts not resolved now, alert id → rule (after a restore). */
    public void replaceAll(Map<String, String> openById) {
        open.clear();
        open.putAll(openById);
    }

    /** Rule → number of alerts not resolved, rules in name order. */
    public Map<String, Long> byRule() {
        Map<String, Long> counts = new TreeMap<>();
        open.values().forEach(rule -> counts.merge(rule, 1L, Long::sum));
        return counts;
    }
}
