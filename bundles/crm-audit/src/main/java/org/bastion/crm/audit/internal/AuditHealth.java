package org.bastion.crm.audit.internal;

import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.health.ComponentHealth;
import org.bastion.crm.api.health.HealthContributor;
import org.bastion.crm.api.health.HealthState;
import org.bastion.crm.audit.internal.chain.Checkpointer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reports {@value #NAME}: the queue depth, the chain lag (entries written but not chained) and the checkpoint state;
 * DEGRADED while checkpoints wait for signing keys, while the chain lags by more than {@value #LAG_LIMIT} entries, or
 * while recording is disabled by configuration.
 */
@Component(service = HealthContributor.class)
public final class AuditHealth implements HealthContributor {

    /** The component name in the health report. */
    public static final String NAME = "audit";

    static final long LAG_LIMIT = 10_000;

    private final AuditTrail trail;

    @Activate
    public AuditHealth(@Reference AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public ComponentHealth check() {
        try {
            AuditLog.Backlog backlog = trail.log().backlog();
            Checkpointer.State checkpoints = trail.checkpoints();
            String detail = "queued " + backlog.queued() + ", unchained " + backlog.unchained() + ", head "
                    + trail.chainer().lastHead().sequence() + ", checkpoints " + checkpoints.detail()
                    + (trail.enabled() ? "" : ", recording disabled by configuration");
            boolean degraded = checkpoints.waiting() || backlog.unchained() > LAG_LIMIT || !trail.enabled();
            return new ComponentHealth(NAME, degraded ? HealthState.DEGRADED : HealthState.UP, detail);
        } catch (RuntimeException e) {
            return new ComponentHealth(NAME, HealthState.DOWN, "check failed: " + e.getClass().getSimpleName());
        }
    }
}
