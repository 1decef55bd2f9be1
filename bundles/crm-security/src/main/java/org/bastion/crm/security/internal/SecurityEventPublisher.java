package org.bastion.crm.security.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.audit.AuditPolicy;
import org.bastion.crm.api.audit.AuditRecorder;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.SecurityEvents;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts the {@link SecurityEvents} topics asynchronously when an EventAdmin is present, and holds the bundle's
 * {@link AuditRecorder} over the optional audit trail ({@link #audit()}). Callers pass only ids, names, addresses and
 * reasons: never passwords, codes, tokens, secrets or e-mail addresses.
 */
@Component(service = SecurityEventPublisher.class)
public class SecurityEventPublisher {

    /** Dynamic and optional: events are for audit and monitoring, never a reason to refuse logins. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile EventAdmin eventAdmin;

    /** Optional and dynamic: without crm-audit the security bundle works on, unless the policy requires a trail. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditLog auditLog;

    /** The platform's audit policy ({@code required}); optional so that tests and a bare platform run without it. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditPolicy auditPolicy;

    private final Clock clock = Clock.systemUTC();
    private final AuditRecorder recorder = new AuditRecorder(() -> auditLog, () -> auditPolicy);

    /** What the security bundle records its audit entries through. */
    public AuditRecorder audit() {
        return recorder;
    }

    /** The actor of an authentication step: who (as typed, or the user) and where from. */
    public static AuditActor actor(String userId, String username, ClientInfo client) {
        return new AuditActor(userId == null ? "anonymous" : userId, username, client.channel(), client.address());
    }

    /** Posts {@code topic} with {@code properties} (null values are left out) and a timestamp. */
    public void post(String topic, Map<String, ?> properties) {
        Map<String, Object> all = new HashMap<>();
        properties.forEach((key, value) -> {
            if (value != null) {
                all.put(key, value);
            }
        });
        all.put(SecurityEvents.TIMESTAMP, clock.millis());
        deliver(new Event(topic, all));
    }

    /** The properties describing a client: address, user agent and channel. */
    public static Map<String, Object> client(ClientInfo client) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(SecurityEvents.ADDRESS, client.address());
        properties.put(SecurityEvents.USER_AGENT, client.userAgent());
        properties.put(SecurityEvents.CHANNEL, client.channel());
        return properties;
    }

    /** Hands the event to EventAdmin (posted, never sent synchronously). */
    protected void deliver(Event event) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(event);
        }
    }
}
