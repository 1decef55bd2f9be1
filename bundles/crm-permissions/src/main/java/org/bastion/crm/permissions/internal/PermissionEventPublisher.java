package org.bastion.crm.permissions.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.audit.AuditPolicy;
import org.bastion.crm.api.audit.AuditRecorder;
import org.bastion.crm.api.permissions.PermissionEvents;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts the {@link PermissionEvents} topics asynchronously, with the actor's id and a timestamp, when an EventAdmin is
 * present; without one the change still happens (events feed monitoring, they never decide). Also holds the bundle's
 * {@link AuditRecorder} over the optional audit trail.
 */
@Component(service = PermissionEventPublisher.class)
public class PermissionEventPublisher {

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile EventAdmin eventAdmin;

    /** Optional and dynamic: without crm-audit roles and teams change on, unless the policy requires a trail. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditLog auditLog;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditPolicy auditPolicy;

    private final Clock clock = Clock.systemUTC();
    private final AuditRecorder recorder = new AuditRecorder(() -> auditLog, () -> auditPolicy);

    /** What the permissions bundle records its audit entries through. */
    public AuditRecorder audit() {
        return recorder;
    }

    /** What records {@code entry} as a change, for a store's transaction. */
    public Runnable change(AuditEntry entry) {
        return () -> recorder.change(entry);
    }

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
