package org.bastion.crm.monitor.internal.metrics;

import java.util.List;

import org.bastion.crm.api.permissions.PermissionDefinition;
import org.bastion.crm.api.permissions.PermissionSet;
import org.osgi.service.component.annotations.Component;

/** The permission the metrics endpoint defines: {@value #METRICS_READ} (the built-in admin holds it through *). */
@Component(service = PermissionSet.class)
public final class MetricsPermissionSet implements PermissionSet {

    /** Read the Prometheus metrics. */
    public static final String METRICS_READ = "metrics:read";

    private static final List<PermissionDefinition> DEFINITIONS = List.of(new PermissionDefinition(METRICS_READ,
            "Read the operational metrics (GET /api/v1/metrics, Prometheus text format).", false));

    @Override
    public List<PermissionDefinition> permissions() {
        return DEFINITIONS;
    }
}
