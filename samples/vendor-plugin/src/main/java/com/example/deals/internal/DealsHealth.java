package com.example.deals.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.bastion.crm.api.health.ComponentHealth;
import org.bastion.crm.api.health.HealthContributor;
import org.bastion.crm.api.health.HealthState;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reports "deals" in {@code GET /api/v1/health}: UP when the schema is migrated and the table answers a trivial query;
 * DEGRADED "stopping" while the bundle stops, so that uninstalling the plugin never fails the CRM's health.
 */
@Component(service = HealthContributor.class)
public final class DealsHealth implements HealthContributor {

    /** The component name in the health report. */
    public static final String NAME = "deals";

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile DealsSchema schema;

    private final Bundle bundle;

    @Activate
    public DealsHealth(BundleContext context) {
        this.bundle = context.getBundle();
    }

    @Override
    public ComponentHealth check() {
        ComponentHealth health = probe(schema);
        if (health.state() == HealthState.DOWN && bundle.getState() == Bundle.STOPPING) {
            return new ComponentHealth(NAME, HealthState.DEGRADED, "stopping");
        }
        return health;
    }

    static ComponentHealth probe(DealsSchema current) {
        if (current == null) {
            return new ComponentHealth(NAME, HealthState.DOWN, "schema not migrated (see the log)");
        }
        try (Connection connection = current.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT id FROM vendor_deal FETCH FIRST 1 ROWS ONLY").close();
            return new ComponentHealth(NAME, HealthState.UP, "schema version " + current.version());
        } catch (SQLException e) {
            return new ComponentHealth(NAME, HealthState.DOWN, "query failed: SQLState " + e.getSQLState());
        }
    }
}
