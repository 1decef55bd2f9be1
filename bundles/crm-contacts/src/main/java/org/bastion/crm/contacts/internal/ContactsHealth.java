package org.bastion.crm.contacts.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.bastion.crm.api.health.ComponentHealth;
import org.bastion.crm.api.health.HealthContributor;
import org.bastion.crm.api.health.HealthState;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reports "contacts" as UP when the schema is migrated and a trivial query through the persistence unit succeeds.
 * While the bundle is stopping (uninstalled or updated), the persistence unit leaves before this component does: that
 * is reported as DEGRADED "stopping", not as DOWN, so a capability swap does not fail the health check.
 */
@Component(service = HealthContributor.class)
public final class ContactsHealth implements HealthContributor {

    /** The component name in the health report. */
    public static final String NAME = "contacts";

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY, target = "(osgi.unit.name=crm-contacts)")
    volatile JpaTemplate jpa;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile ContactsSchema schema;

    private final Bundle bundle;

    @Activate
    public ContactsHealth(BundleContext context) {
        this.bundle = context.getBundle();
    }

    @Override
    public ComponentHealth check() {
        ComponentHealth health = probe();
        if (health.state() == HealthState.DOWN && bundle.getState() == Bundle.STOPPING) {
            return new ComponentHealth(NAME, HealthState.DEGRADED, "stopping");
        }
        return health;
    }

    private ComponentHealth probe() {
        ContactsSchema currentSchema = schema;
        JpaTemplate template = jpa;
        if (currentSchema == null) {
            return new ComponentHealth(NAME, HealthState.DOWN, "schema not migrated (see the log)");
        }
        if (template == null) {
            return new ComponentHealth(NAME, HealthState.DOWN, "persistence unit crm-contacts unavailable");
        }
        try {
            template.txExpr(TransactionType.Supports,
                    em -> em.createQuery("SELECT c.id FROM Company c").setMaxResults(1).getResultList());
            return new ComponentHealth(NAME, HealthState.UP, "schema version " + currentSchema.version());
        } catch (RuntimeException e) {
            return new ComponentHealth(NAME, HealthState.DOWN, "query failed: " + e.getClass().getSimpleName());
        }
    }
}
