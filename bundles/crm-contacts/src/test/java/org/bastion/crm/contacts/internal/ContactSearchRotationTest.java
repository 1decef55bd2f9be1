package org.bastion.crm.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.contacts.internal.jpa.ContactSearchIndex;
import org.junit.jupiter.api.Test;

class ContactSearchRotationTest {

    private final ContactSearchIndex index = mock(ContactSearchIndex.class);
    private final ContactSearchRotation participant = new ContactSearchRotation(index);

    @Test
    void takesPartInBlindIndexRotationsAsContacts() {
        assertThat(participant.purpose()).isEqualTo(KeyPurpose.BLIND_INDEX);
        assertThat(participant.name()).isEqualTo("contacts");
    }

    @Test
    void handsEveryStepToTheContactsSearchIndex() {
        when(index.countOlderThan(2)).thenReturn(7L);
        when(index.countUsing(1)).thenReturn(9L);
        when(index.migrateBatch(2, 50)).thenReturn(5);

        assertThat(participant.countOlderThan(2)).isEqualTo(7);
        assertThat(participant.countUsing(1)).isEqualTo(9);
        assertThat(participant.migrateBatch(2, 50)).isEqualTo(5);
        participant.retire(1);

        verify(index).retire(1);
    }
}
