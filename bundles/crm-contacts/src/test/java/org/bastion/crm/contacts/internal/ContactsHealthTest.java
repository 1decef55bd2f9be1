package org.bastion.crm.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.bastion.crm.api.health.HealthState;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

class ContactsHealthTest {

    private static ContactsHealth healthOfBundleIn(int state) {
        Bundle bundle = mock(Bundle.class);
        when(bundle.getState()).thenReturn(state);
        BundleContext context = mock(BundleContext.class);
        when(context.getBundle()).thenReturn(bundle);
        return new ContactsHealth(context);
    }

    @Test
    void aMissingPersistenceUnitIsDownWhileTheBundleRuns() {
        assertThat(healthOfBundleIn(Bundle.ACTIVE).check().state()).isEqualTo(HealthState.DOWN);
    }

    @Test
    void aMissingPersistenceUnitIsOnlyDegradedWhileTheBundleStops() {
        assertThat(healthOfBundleIn(Bundle.STOPPING).check().state()).isEqualTo(HealthState.DEGRADED);
        assertThat(healthOfBundleIn(Bundle.STOPPING).check().detail()).isEqualTo("stopping");
    }
}
