package org.bastion.crm.crypto.internal.rotation;

import static org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotationParticipant;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The whiteboard of {@link KeyRotationParticipant}s: any number, coming and going at any time (a bundle that holds
 * blind-index tokens registers one); rotations ask it for the participants of a purpose at each step.
 */
@Component(service = RotationParticipants.class)
public final class RotationParticipants {

    private final List<KeyRotationParticipant> participants = new CopyOnWriteArrayList<>();

    /** Adds a participant (bound by SCR; tests call it directly). */
    @Reference(cardinality = MULTIPLE, policy = DYNAMIC, policyOption = GREEDY, unbind = "remove")
    public void add(KeyRotationParticipant participant) {
        participants.add(participant);
    }

    /** Removes a participant. */
    public void remove(KeyRotationParticipant participant) {
        participants.remove(participant);
    }

    /** The participants registered now whose data depends on keys of {@code purpose}. */
    public List<KeyRotationParticipant> of(KeyPurpose purpose) {
        List<KeyRotationParticipant> matching = new ArrayList<>();
        for (KeyRotationParticipant participant : participants) {
            if (participant.purpose() == purpose) {
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
}
