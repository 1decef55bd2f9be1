package org.bastion.crm.crypto.internal.rotation;

import static org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotationParticipant;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The whiteboard of {@link KeyRotationParticipant}s: any number, coming and going at any time (a bundle that holds
 * blind-index tokens registers one); rotations ask it for the participants of a purpose at each step.
 * <p>
 * A registered participant is bound as its {@link ComponentServiceObjects} and obtained only when a rotation or a key
 * listing first asks for it, never while SCR binds it: participants reference {@code FieldCipher}, so obtaining them
 * inside this component's activation (which runs inside the master key manager's) would close a cycle of SCR
 * component locks (docs/adr/0005-encryption-at-rest.md).
 */
@Component(service = RotationParticipants.class)
public final class RotationParticipants {

    private final List<Supplier<KeyRotationParticipant>> participants = new CopyOnWriteArrayList<>();
    private final Map<ServiceReference<KeyRotationParticipant>, RegisteredParticipant> registered = new ConcurrentHashMap<>();

    /** Binds a registered participant without obtaining it (called by SCR). */
    @Reference(service = KeyRotationParticipant.class, cardinality = MULTIPLE, policy = DYNAMIC, policyOption = GREEDY,
            unbind = "unbindRegistered")
    void bindRegistered(ComponentServiceObjects<KeyRotationParticipant> objects,
                        ServiceReference<KeyRotationParticipant> reference) {
        RegisteredParticipant participant = new RegisteredParticipant(objects, reference);
        registered.put(reference, participant);
        participants.add(participant);
    }

    /** Unbinds a registered participant and releases it if it was obtained (called by SCR). */
    void unbindRegistered(ServiceReference<KeyRotationParticipant> reference) {
        RegisteredParticipant participant = registered.remove(reference);
        if (participant != null) {
            participants.remove(participant);
            participant.release();
        }
    }

    /** Adds a participant object directly (tests; an embedding without SCR). */
    public void add(KeyRotationParticipant participant) {
        participants.add(new Direct(participant));
    }

    /** Removes a participant added with {@link #add(KeyRotationParticipant)}. */
    public void remove(KeyRotationParticipant participant) {
        participants.removeIf(entry -> entry instanceof Direct direct && direct.participant() == participant);
    }

    /**
     * The participants registered now whose data depends on keys of {@code purpose}. Obtains those not obtained yet,
     * so call it outside any component's activation.
     *
     * @throws IllegalStateException when a registered participant cannot be obtained (a rotation must not go on
     *         without it: it would retire keys its records still use)
     */
    public List<KeyRotationParticipant> of(KeyPurpose purpose) {
        List<KeyRotationParticipant> matching = new ArrayList<>();
        for (Supplier<KeyRotationParticipant> entry : participants) {
            KeyRotationParticipant participant = entry.get();
            if (participant != null && participant.purpose() == purpose) {
                matching.add(participant);
            }
        }
        return matching;
    }

    /** How many records of every participant of {@code purpose} still depend on a version older than {@code version}. */
    public long countOlderThan(KeyPurpose purpose, int version) {
        long count = 0;
        for (KeyRotationParticipant participant : of(purpose)) {
            count += participant.countOlderThan(version);
        }
        return count;
    }

    /** A participant object given directly. */
    private record Direct(KeyRotationParticipant participant) implements Supplier<KeyRotationParticipant> {
        @Override
        public KeyRotationParticipant get() {
            return participant;
        }
    }
}
