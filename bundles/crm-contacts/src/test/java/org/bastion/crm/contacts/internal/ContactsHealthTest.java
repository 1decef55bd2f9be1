package org.bastion.crm.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.bastion.crm.api.health.HealthState;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

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

    @Test
    void aSchemaStillMigratingIsOnlyDegradedStartingUntilTheGraceHasPassed() {
        long[] now = {1_000_000_000_000L};
        Bundle bundle = mock(Bundle.class);
        when(bundle.getState()).thenReturn(Bundle.ACTIVE);
        when(bundle.getLastModified()).thenReturn(0L);
        BundleContext context = mock(BundleContext.class);
        when(context.getBundle()).thenReturn(bundle);
        @SuppressWarnings("unchecked")
        ServiceReference<ContactsSchema> schemaComponent = mock(ServiceReference.class);
        when(context.getServiceReference(ContactsSchema.class)).thenReturn(schemaComponent);
        ContactsHealth health = new ContactsHealth(context, () -> now[0]);

        assertThat(health.check().state()).isEqualTo(HealthState.DEGRADED);
        assertThat(health.check().detail()).isEqualTo("starting: schema not migrated (see the log)");

        now[0] += ContactsHealth.STARTING_GRACE.toMillis();
        assertThat(health.check().state()).isEqualTo(HealthState.DOWN);
    }

    @Test
    void aBundleJustInstalledIsStartingUntilTheGraceHasPassed() {
        long[] now = {1_000_000_000_000L};
        Bundle bundle = mock(Bundle.class);
        when(bundle.getState()).thenReturn(Bundle.ACTIVE);
        when(bundle.getLastModified()).thenReturn(now[0] - 100);
        BundleContext context = mock(BundleContext.class);
        when(context.getBundle()).thenReturn(bundle);
        ContactsHealth health = new ContactsHealth(context, () -> now[0]);

        assertThat(health.check().detail()).isEqualTo("starting: schema not migrated (see the log)");

        now[0] += ContactsHealth.STARTING_GRACE.toMillis();
        assertThat(health.check().state()).isEqualTo(HealthState.DOWN);
    }

    @Test
    void withoutTheSchemaComponentNothingIsStartingAndAMissingSchemaIsDown() {
        ContactsHealth health = healthOfBundleIn(Bundle.ACTIVE);

        assertThat(health.check().state()).isEqualTo(HealthState.DOWN);
        assertThat(health.check().detail()).isEqualTo("schema not migrated (see the log)");
    }

    @Test
    void aLateCallAfterDeactivationIsStoppingNotDown() {
        ContactsHealth health = healthOfBundleIn(Bundle.RESOLVED);
        health.deactivate();

        assertThat(health.check().state()).isEqualTo(HealthState.DEGRADED);
        assertThat(health.check().detail()).isEqualTo("stopping");
    }
}
