package org.bastion.crm.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.bastion.crm.testing.ReferenceFields;
import org.junit.jupiter.api.Test;

class ReferenceFieldsTest {

    @Test
    void noServiceReferenceIsAPublicMutableField() {
        assertThat(ReferenceFields.of(ContactServiceImpl.class)).as("the bundle has field references to check").isNotEmpty();

        assertThat(ReferenceFields.publicMutable(ContactServiceImpl.class)).isEmpty();
    }
}
