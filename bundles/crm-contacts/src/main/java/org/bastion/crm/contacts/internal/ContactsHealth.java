package org.bastion.crm.contacts.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.bastion.crm.api.health.ComponentHealth;
import org.bastion.crm.api.health.HealthContributor;
import org.bastion.crm.api.health.HealthState;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reports "contacts" as UP when the schema is migrated and a trivial query through the persistence unit succeeds. */
@Component(service = HealthContributor.class)
public final class ContactsHealth implements HealthContributor {

    /** The component name in the health report. */
    public static final String NAME = "contacts";

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY, target = "(osgi.unit.name=crm-contacts)")
    volatile JpaTemplate jpa;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile ContactsSchema schema;

    @Override
    public ComponentHealth check() {
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
