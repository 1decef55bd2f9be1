package org.bastion.crm.api.events;

import java.util.Map;
import java.util.UUID;

import org.bastion.crm.api.Caller;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The EventAdmin topics and properties every record-owning bundle posts when a record is created, updated or deleted,
 * and the helper that posts them. A topic is {@code org/bastion/crm/<records>/<ACTION>}, such as
 * {@code org/bastion/crm/contacts/CREATED}; an event carries the record's id and the caller's id only, never personal
 * data, so that audit and monitoring can listen without seeing what changed.
 */
public final class RecordEvents {

    /** The prefix every CRM topic starts with. */
    public static final String TOPIC_ROOT = "org/bastion/crm/";

    /** Action: a record was created. */
    public static final String CREATED = "CREATED";
    /** Action: a record was changed (replaced or patched). */
    public static final String UPDATED = "UPDATED";
    /** Action: a record was deleted. */
    public static final String DELETED = "DELETED";

    /** Event property: the record's id (a UUID as a string). */
    public static final String PROPERTY_ID = "id";

    /** Event property: the id of the caller who made the change. */
    public static final String PROPERTY_CALLER = "caller";

    private RecordEvents() {
    }

    /**
     * The topic prefix of a kind of record: {@code topicPrefix("deals")} is {@code org/bastion/crm/deals/}.
     *
     * @throws IllegalArgumentException when {@code records} is not one topic token (letters, digits, '-' and '_')
     */
    public static String topicPrefix(String records) {
        if (records == null || !records.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("not a topic token: " + records);
        }
        return TOPIC_ROOT + records + "/";
    }

    /** The topic of {@code action} on the records under {@code topicPrefix}: prefix and action joined. */
    public static String topic(String topicPrefix, String action) {
        return topicPrefix + action;
    }

    /** The topic that subscribes to every action on the records under {@code topicPrefix}. */
    public static String allTopics(String topicPrefix) {
        return topicPrefix + "*";
    }

    /** The event of {@code action} on record {@code id} by {@code caller}: its topic and its two properties. */
    public static Event event(String topicPrefix, String action, UUID id, Caller caller) {
        return new Event(topic(topicPrefix, action), Map.of(PROPERTY_ID, id.toString(), PROPERTY_CALLER, caller.id()));
    }

    /** Posts (asynchronously) {@code topicPrefix + action} when an EventAdmin is present; does nothing otherwise. */
    public static void post(EventAdmin eventAdmin, String topicPrefix, String action, UUID id, Caller caller) {
        if (eventAdmin == null) {
            return;
        }
        eventAdmin.postEvent(event(topicPrefix, action, id, caller));
    }
}
