package org.bastion.crm.crypto.internal.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;

import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotationParticipant;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

/**
 * Binding a registered participant must not obtain it: obtaining it activates its component, which references
 * FieldCipher, and this component is bound inside the master key manager's activation, so obtaining it there is the
 * lock-order inversion that deadlocked boots. It is obtained on first use, once, and given back when unbound.
 */
class RotationParticipantsTest {

    /** A participant's service objects that count what SCR would be asked to do. */
    private static final class CountingObjects implements ComponentServiceObjects<KeyRotationParticipant> {
        final KeyRotationParticipant participant;
        final List<KeyRotationParticipant> givenBack = new ArrayList<>();
        int obtained;
        boolean broken;

        CountingObjects(KeyRotationParticipant participant) {
            this.participant = participant;
        }

        @Override
        public KeyRotationParticipant getService() {
            obtained++;
            return broken ? null : participant;
        }

        @Override
        public void ungetService(KeyRotationParticipant service) {
            givenBack.add(service);
        }

        @Override
        public ServiceReference<KeyRotationParticipant> getServiceReference() {
            throw new UnsupportedOperationException("not used by RotationParticipants");
        }
    }

    private static KeyRotationParticipant participant(String name, KeyPurpose purpose, long olderThanTwo) {
        KeyRotationParticipant participant = mock(KeyRotationParticipant.class);
        when(participant.name()).thenReturn(name);
        when(participant.purpose()).thenReturn(purpose);
        when(participant.countOlderThan(2)).thenReturn(olderThanTwo);
        return participant;
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<KeyRotationParticipant> reference(String componentName) {
        ServiceReference<KeyRotationParticipant> reference = mock(ServiceReference.class);
        when(reference.getProperty("component.name")).thenReturn(componentName);
        return reference;
    }

    @Test
    void bindingARegisteredParticipantDoesNotObtainIt() {
        RotationParticipants participants = new RotationParticipants();
        CountingObjects contacts = new CountingObjects(participant("contacts", KeyPurpose.BLIND_INDEX, 3));

        participants.bindRegistered(contacts, reference("contacts"));

        assertThat(contacts.obtained).isZero();
    }

    @Test
    void aRegisteredParticipantIsObtainedOnFirstUseOnceAndGivenBackWhenUnbound() {
        RotationParticipants participants = new RotationParticipants();
        CountingObjects contacts = new CountingObjects(participant("contacts", KeyPurpose.BLIND_INDEX, 3));
        ServiceReference<KeyRotationParticipant> reference = reference("contacts");
        participants.bindRegistered(contacts, reference);

        assertThat(participants.of(KeyPurpose.BLIND_INDEX)).containsExactly(contacts.participant);
        assertThat(participants.countOlderThan(KeyPurpose.BLIND_INDEX, 2)).isEqualTo(3);
        assertThat(participants.of(KeyPurpose.FIELD)).isEmpty();
        assertThat(contacts.obtained).isEqualTo(1);
        assertThat(contacts.givenBack).isEmpty();

        participants.unbindRegistered(reference);

        assertThat(contacts.givenBack).containsExactly(contacts.participant);
        assertThat(participants.of(KeyPurpose.BLIND_INDEX)).isEmpty();
        assertThat(contacts.obtained).isEqualTo(1);
    }

    @Test
    void aParticipantNeverUsedIsNotObtainedToBeGivenBack() {
        RotationParticipants participants = new RotationParticipants();
        CountingObjects contacts = new CountingObjects(participant("contacts", KeyPurpose.BLIND_INDEX, 3));
        ServiceReference<KeyRotationParticipant> reference = reference("contacts");
        participants.bindRegistered(contacts, reference);

        participants.unbindRegistered(reference);

        assertThat(contacts.obtained).isZero();
        assertThat(contacts.givenBack).isEmpty();
    }

    @Test
    void aRegisteredParticipantThatCannotBeObtainedStopsTheRotationStep() {
        RotationParticipants participants = new RotationParticipants();
        CountingObjects broken = new CountingObjects(participant("companies", KeyPurpose.BLIND_INDEX, 1));
        broken.broken = true;
        participants.bindRegistered(broken, reference("org.example.CompanySearchRotation"));
        participants.add(participant("contacts", KeyPurpose.BLIND_INDEX, 3));

        assertThatThrownBy(() -> participants.countOlderThan(KeyPurpose.BLIND_INDEX, 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("org.example.CompanySearchRotation");
    }

    @Test
    void participantsAddedDirectlyAreListedUntilRemoved() {
        RotationParticipants participants = new RotationParticipants();
        KeyRotationParticipant contacts = participant("contacts", KeyPurpose.BLIND_INDEX, 3);
        KeyRotationParticipant other = participant("other", KeyPurpose.FIELD, 0);
        participants.add(contacts);
        participants.add(other);

        assertThat(participants.of(KeyPurpose.BLIND_INDEX)).containsExactly(contacts);

        participants.remove(contacts);

        assertThat(participants.of(KeyPurpose.BLIND_INDEX)).isEmpty();
        assertThat(participants.of(KeyPurpose.FIELD)).containsExactly(other);
    }
}
