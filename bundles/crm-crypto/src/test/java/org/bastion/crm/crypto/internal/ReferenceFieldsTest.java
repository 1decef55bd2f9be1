package org.bastion.crm.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.bastion.crm.testing.ReferenceFields;
import org.junit.jupiter.api.Test;

class ReferenceFieldsTest {

    @Test
    void noServiceReferenceIsAPublicMutableField() {
        assertThat(ReferenceFields.of(KeyAccess.class)).as("the bundle has field references to check").isNotEmpty();

        assertThat(ReferenceFields.publicMutable(KeyAccess.class)).isEmpty();
    }
}
