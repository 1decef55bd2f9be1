package org.bastion.crm.backup.internal;

import org.bastion.crm.api.health.ComponentHealth;
import org.bastion.crm.api.health.HealthContributor;
import org.bastion.crm.api.health.HealthState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reports {@value #NAME} in {@code GET /health}: DEGRADED with the reason while the CRM is in maintenance (a restore
 * runs, or one failed and an administrator has not ended it), UP otherwise, so that clients refused with 503 and
 * monitoring see why.
 */
@Component(service = HealthContributor.class)
public final class MaintenanceHealth implements HealthContributor {

    /** The component name in the health report. */
    public static final String NAME = "backup-maintenance";

    private final MaintenanceMode maintenance;

    @Activate
    public MaintenanceHealth(@Reference MaintenanceMode maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public ComponentHealth check() {
        try {
            Maintenance state = maintenance.state();
            if (!state.active()) {
                return new ComponentHealth(NAME, HealthState.UP, "not in maintenance");
            }
            return new ComponentHealth(NAME, HealthState.DEGRADED, "in maintenance since " + state.since() + ": "
                    + (state.reason() == null ? "a restore is running" : state.reason()));
        } catch (RuntimeException e) {
            return new ComponentHealth(NAME, HealthState.DOWN, "check failed: " + e.getClass().getSimpleName());
        }
    }
}
