package com.example.deals.internal;

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
 * Reports "deals" in {@code GET /api/v1/health}: UP while the table answers a trivial query. It registers only once the
 * schema is migrated (a failed migration is in the log, and deals are absent from health rather than failing it), and
 * reports DEGRADED "stopping" while the bundle stops, so that installing or uninstalling the plugin never fails the
 * CRM's health.
 */
// tag::health[]
@Component(service = HealthContributor.class)
public final class DealsHealth implements HealthContributor {

    /** The component name in the health report. */
    public static final String NAME = "deals";

    private final DealsSchema schema;
    private final Bundle bundle;

    @Activate
    public DealsHealth(BundleContext context, @Reference DealsSchema schema) {
        this.bundle = context.getBundle();
        this.schema = schema;
    }

    @Override
    public ComponentHealth check() {
        ComponentHealth health = probe(schema);
        if (health.state() == HealthState.DOWN && bundle.getState() == Bundle.STOPPING) {
            return new ComponentHealth(NAME, HealthState.DEGRADED, "stopping");
        }
        return health;
    }
// end::health[]

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
