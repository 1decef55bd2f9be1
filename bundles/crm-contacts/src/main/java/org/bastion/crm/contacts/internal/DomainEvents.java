package org.bastion.crm.contacts.internal;

import java.util.Map;
import java.util.UUID;

import org.bastion.crm.api.Caller;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts the CREATED/UPDATED/DELETED events of contacts and companies; an event carries the record's id and the
 * caller's id only, never personal data, so that audit and monitoring can listen without seeing what changed.
 */
public final class DomainEvents {

    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String DELETED = "DELETED";

    /** Event property: the record's id. */
    public static final String PROPERTY_ID = "id";

    /** Event property: the id of the caller who made the change. */
    public static final String PROPERTY_CALLER = "caller";

    private DomainEvents() {
    }

    /** Posts (asynchronously) {@code topicPrefix + action} when an EventAdmin is present; does nothing otherwise. */
    public static void post(EventAdmin eventAdmin, String topicPrefix, String action, UUID id, Caller caller) {
        if (eventAdmin == null) {
            return;
        }
        eventAdmin.postEvent(new Event(topicPrefix + action,
                Map.of(PROPERTY_ID, id.toString(), PROPERTY_CALLER, caller.id())));
    }
}
