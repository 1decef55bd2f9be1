package org.bastion.crm.rest.internal.health;

import java.util.List;

import org.bastion.crm.api.health.ComponentHealth;
import org.bastion.crm.api.health.HealthState;

/**
 * The body of {@code GET /api/v1/health}.
 *
 * @param status the worst state of any component
 * @param version the version of the REST layer
 * @param components each component's own report, sorted by name
 */
public record HealthReport(HealthState status, String version, List<ComponentHealth> components) {

    public HealthReport {
        components = List.copyOf(components);
    }

    /** The report over {@code components}: DOWN if any is DOWN, else DEGRADED if any is, else UP. */
    public static HealthReport of(String version, List<ComponentHealth> components) {
        HealthState worst = components.stream().map(ComponentHealth::state)
                .max(Enum::compareTo).orElse(HealthState.UP);
        return new HealthReport(worst, version, components);
    }
}
