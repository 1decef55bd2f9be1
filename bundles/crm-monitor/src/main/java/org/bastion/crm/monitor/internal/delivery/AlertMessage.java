package org.bastion.crm.monitor.internal.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bastion.crm.api.monitor.AlertEvents;
import org.osgi.service.event.Event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One alert change as every channel delivers it, read from a monitor event ({@link AlertEvents}).
 *
 * @param change {@code raised}, {@code repeated} or {@code changed}
 */
public record AlertMessage(String change, String id, String rule, String severity, String subject, String state,
        String summary, long count, long firstSequence, long lastSequence, Instant raisedAt, List<String> responses) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The message of a monitor event, or null for a topic that is no alert change. */
    public static AlertMessage from(Event event) {
        String topic = event.getTopic();
        if (!topic.equals(AlertEvents.ALERT_RAISED) && !topic.equals(AlertEvents.ALERT_REPEATED)
                && !topic.equals(AlertEvents.ALERT_CHANGED)) {
            return null;
        }
        String change = topic.substring(topic.lastIndexOf('_') + 1).toLowerCase(Locale.ROOT);
        Object responses = event.getProperty(AlertEvents.RESPONSES);
        long raisedAt = number(event, AlertEvents.RAISED_AT);
        return new AlertMessage(change, text(event, AlertEvents.ID), text(event, AlertEvents.RULE),
                text(event, AlertEvents.SEVERITY), text(event, AlertEvents.SUBJECT), text(event, AlertEvents.STATE),
                text(event, AlertEvents.SUMMARY), number(event, AlertEvents.COUNT),
                number(event, AlertEvents.FIRST_SEQUENCE), number(event, AlertEvents.LAST_SEQUENCE),
                raisedAt > 0 ? Instant.ofEpochMilli(raisedAt) : null,
                responses instanceof String[] names ? List.of(names) : List.of());
    }

    /** The message as a JSON object, members in a fixed order. */
    public String toJson() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("change", change);
        members.put("id", id);
        members.put("rule", rule);
        members.put("severity", severity);
        members.put("subject", subject);
        members.put("state", state);
        members.put("summary", summary);
        members.put("count", count);
        members.put("firstSequence", firstSequence);
        members.put("lastSequence", lastSequence);
        members.put("raisedAt", raisedAt == null ? null : raisedAt.toString());
        members.put("responses", responses);
        try {
            return JSON.writeValueAsString(members);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** {@link #toJson()} as UTF-8 bytes. */
    public byte[] toJsonBytes() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Event event, String name) {
        Object value = event.getProperty(name);
        return value == null ? null : value.toString();
    }

    private static long number(Event event, String name) {
        Object value = event.getProperty(name);
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return value == null ? 0 : Long.parseLong(value.toString());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
