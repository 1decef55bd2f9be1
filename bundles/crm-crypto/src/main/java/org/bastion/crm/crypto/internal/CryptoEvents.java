package org.bastion.crm.crypto.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.util.HashMap;
import java.util.Map;

import org.bastion.crm.api.IntegrityException;
import org.bastion.crm.api.crypto.FieldCipher;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.api.crypto.RecordRef;
import org.bastion.crm.crypto.internal.keys.IntegrityFailures;
import org.bastion.crm.crypto.internal.rotation.RotationEvents;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts the crypto bundle's EventAdmin events (asynchronously, when an EventAdmin is present): {@code UNLOCKED},
 * {@code LOCKED} (property {@code reason}), {@code ROTATION_STARTED|COMPLETED|FAILED} (properties {@code purpose},
 * {@code fromVersion}, {@code toVersion}, {@code id}) under {@value #TOPIC_PREFIX}, and
 * {@link FieldCipher#INTEGRITY_FAILURE_TOPIC} (properties {@code kind}, {@code id}, {@code field}). No event carries
 * key material, plaintext or ciphertext.
 */
@Component(service = CryptoEvents.class)
public final class CryptoEvents implements IntegrityFailures, RotationEvents {

    /** The prefix of the topics of this bundle. */
    public static final String TOPIC_PREFIX = "org/bastion/crm/crypto/";

    /** Topic posted when the keys unlock. */
    public static final String UNLOCKED = TOPIC_PREFIX + "UNLOCKED";

    /** Topic posted when the keys lock, with property {@code reason}. */
    public static final String LOCKED = TOPIC_PREFIX + "LOCKED";

    private static final System.Logger LOG = System.getLogger(CryptoEvents.class.getName());

    /** Dynamic and optional: events are a courtesy to audit and monitoring, never a reason to stop encrypting. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile EventAdmin eventAdmin;

    /** Posts {@value #UNLOCKED}. */
    public void unlocked() {
        post(UNLOCKED, Map.of());
    }

    /** Posts {@value #LOCKED} with the reason. */
    public void locked(String reason) {
        post(LOCKED, Map.of("reason", reason));
    }

    @Override
    public void rotation(String action, KeyRotation rotation) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("purpose", rotation.purpose().wireName());
        properties.put("fromVersion", rotation.fromVersion());
        properties.put("toVersion", rotation.toVersion());
        properties.put("id", rotation.id().toString());
        if (rotation.error() != null) {
            properties.put("error", rotation.error());
        }
        post(TOPIC_PREFIX + "ROTATION_" + action, properties);
    }

    @Override
    public IntegrityException failed(RecordRef record, String field) {
        LOG.log(System.Logger.Level.WARNING, "Integrity check failed: field " + field + " of " + record);
        post(FieldCipher.INTEGRITY_FAILURE_TOPIC, Map.of("kind", record.kind(), "id", record.id(), "field", field));
        return new IntegrityException("field " + field + " of " + record.kind() + " " + record.id()
                + " failed its integrity check");
    }

    private void post(String topic, Map<String, ?> properties) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(topic, properties));
        }
    }
}
