package org.bastion.crm.permissions.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.permissions.PermissionEvents;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts the {@link PermissionEvents} topics asynchronously, with the actor's id and a timestamp, when an EventAdmin is
 * present; without one the change still happens (events feed audit, they never decide).
 */
@Component(service = PermissionEventPublisher.class)
public class PermissionEventPublisher {

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile EventAdmin eventAdmin;

    private final Clock clock = Clock.systemUTC();

    /** Posts {@code topic} with {@code properties} (null values left out), the actor and a timestamp. */
    public void post(String topic, Caller actor, Map<String, ?> properties) {
        Map<String, Object> all = new HashMap<>();
        properties.forEach((key, value) -> {
            if (value != null) {
                all.put(key, value);
            }
        });
        all.put(PermissionEvents.ACTOR, actor.id());
        all.put(PermissionEvents.TIMESTAMP, clock.millis());
        deliver(new Event(topic, all));
    }

    /** A collection of strings as the {@code String[]} event properties carry, sorted. */
    public static String[] sorted(Collection<String> values) {
        return values.stream().sorted().toArray(String[]::new);
    }

    /** Hands the event to EventAdmin (posted, never sent synchronously). */
    protected void deliver(Event event) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(event);
        }
    }
}
