package org.bastion.crm.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.health.HealthState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

class AuditTrailTest {

    private final AuditFixture audit = new AuditFixture();
    private final BundleContext context = mock(BundleContext.class);
    @SuppressWarnings("unchecked")
    private final ServiceRegistration<AuditLog> registration = mock(ServiceRegistration.class);
    private AuditTrail trail;

    private static AuditConfig config(boolean enabled) {
        AuditConfig config = mock(AuditConfig.class);
        when(config.enabled()).thenReturn(enabled);
        when(config.queueCapacity()).thenReturn(100);
        when(config.batchIntervalMillis()).thenReturn(50L);
        when(config.checkpointEveryEntries()).thenReturn(1000L);
        when(config.checkpointEverySeconds()).thenReturn(60L);
        return config;
    }

    private AuditTrail start(boolean enabled) throws Exception {
        when(context.registerService(eq(AuditLog.class), any(AuditLog.class), any())).thenReturn(registration);
        AuditDatabase database = new AuditDatabase(audit.dataSource, audit.transactions, null, List.of());
        trail = new AuditTrail(context, database, config(enabled));
        return trail;
    }

    @AfterEach
    void stop() {
        if (trail != null) {
            trail.deactivate();
        }
    }

    @Test
    void theAuditLogIsRegisteredWhileEnabledAndWithdrawnWhenDisabled() throws Exception {
        start(true);
        verify(context).registerService(eq(AuditLog.class), any(AuditLog.class), any());
        assertThat(trail.enabled()).isTrue();

        trail.modified(config(false));
        verify(registration).unregister();
        assertThat(trail.enabled()).isFalse();
        assertThat(new AuditHealth(trail).check().detail()).contains("recording disabled");

        trail.modified(config(true));
        verify(context, times(2)).registerService(eq(AuditLog.class), any(AuditLog.class), any());
    }

    @Test
    void anEntryQueuedByALateCallerAfterDeactivationIsStillWritten() throws Exception {
        start(true);
        AuditLog held = trail.log();
        held.recordLater(AuditEntry.success("contact.read").target("contact", "before").build());
        trail.deactivate();
        trail = null;
        held.recordLater(AuditEntry.success("contact.read").target("contact", "after").build());

        assertThat(audit.count("SELECT COUNT(*) FROM crm_audit_entry WHERE target_id IN ('before', 'after')"))
                .isEqualTo(2);
        assertThat(held.backlog().queued()).isZero();
    }

    @Test
    void healthIsDegradedWhileCheckpointsWaitForSigningKeys() throws Exception {
        start(true);
        trail.log().record(AuditEntry.success("contact.read").target("contact", "c-1").build());
        long deadline = System.currentTimeMillis() + 5_000;
        while (!trail.checkpoints().waiting() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }

        var health = new AuditHealth(trail).check();
        assertThat(health.state()).isEqualTo(HealthState.DEGRADED);
        assertThat(health.detail()).contains("queued 0").contains("no audit-signing keys");
    }
}
