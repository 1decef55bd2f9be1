package org.bastion.crm.crypto.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.util.HashMap;
import java.util.Map;

import org.bastion.crm.api.IntegrityException;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.audit.AuditPolicy;
import org.bastion.crm.api.audit.AuditRecorder;
import org.bastion.crm.api.crypto.FieldCipher;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.api.crypto.RecordRef;
import org.bastion.crm.api.crypto.RecordKeyBackup;
import org.bastion.crm.crypto.internal.keys.RecordKeyEvents;
import org.bastion.crm.crypto.internal.rotation.RotationEvents;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts the crypto bundle's EventAdmin events (asynchronously, when an EventAdmin is present): {@code UNLOCKED},
 * {@code LOCKED} (property {@code reason}), {@code ROTATION_STARTED|COMPLETED|FAILED} (properties {@code purpose},
 * {@code fromVersion}, {@code toVersion}, {@code id}) under {@value #TOPIC_PREFIX},
 * {@link FieldCipher#INTEGRITY_FAILURE_TOPIC} (properties {@code kind}, {@code id}, {@code field}) and
 * {@link RecordKeyBackup#KEYS_DESTROYED_TOPIC} (property {@code count}, a Long). No event carries
 * key material, plaintext or ciphertext. Also records the audit trail's entries of keys: {@code key.unlocked},
 * {@code key.locked} and {@code key.rotation.finished} queued, {@code key.rotation.started} in the transaction that
 * stores the start (purpose and versions only, never key material).
 */
@Component(service = CryptoEvents.class)
public final class CryptoEvents implements RecordKeyEvents, RotationEvents {

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

    /** Optional and dynamic: keys unlock and rotate without crm-audit, unless the policy requires a trail. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditLog auditLog;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditPolicy auditPolicy;

    private final AuditRecorder audit = new AuditRecorder(() -> auditLog, () -> auditPolicy);

    /** Posts {@value #UNLOCKED} and records it. */
    public void unlocked() {
        post(UNLOCKED, Map.of());
        audit.later(AuditEntry.success(AuditActions.KEY_UNLOCKED).target("key", "master").build());
    }

    /** Posts {@value #LOCKED} with the reason and records it. */
    public void locked(String reason) {
        post(LOCKED, Map.of("reason", reason));
        audit.later(AuditEntry.success(AuditActions.KEY_LOCKED).target("key", "master").detail("reason", cut(reason))
                .build());
    }

    @Override
    public void starting(KeyRotation rotation) {
        audit.change(rotationEntry(AuditActions.KEY_ROTATION_STARTED, AuditOutcome.SUCCESS, rotation).build());
    }

    private static String cut(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    private static AuditEntry.Builder rotationEntry(String action, AuditOutcome outcome, KeyRotation rotation) {
        return AuditEntry.of(action, outcome).target("key-rotation", rotation.id().toString())
                .detail("purpose", rotation.purpose().wireName()).detail("fromVersion", rotation.fromVersion())
                .detail("toVersion", rotation.toVersion());
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
        if (!"STARTED".equals(action)) {
            boolean completed = "COMPLETED".equals(action);
            audit.later(rotationEntry(AuditActions.KEY_ROTATION_FINISHED, completed ? AuditOutcome.SUCCESS
                    : AuditOutcome.FAILURE, rotation).detail("done", rotation.done()).detail("total", rotation.total())
                    .detail("error", completed ? null : cut(rotation.error())).build());
        }
    }

    @Override
    public IntegrityException failed(RecordRef record, String field) {
        LOG.log(System.Logger.Level.WARNING, "Integrity check failed: field " + field + " of " + record);
        post(FieldCipher.INTEGRITY_FAILURE_TOPIC, Map.of("kind", record.kind(), "id", record.id(), "field", field));
        return new IntegrityException("field " + field + " of " + record.kind() + " " + record.id()
                + " failed its integrity check");
    }

    @Override
    public void destroyed(long count) {
        post(RecordKeyBackup.KEYS_DESTROYED_TOPIC, Map.of("count", count));
    }

    private void post(String topic, Map<String, ?> properties) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(topic, properties));
        }
    }
}
