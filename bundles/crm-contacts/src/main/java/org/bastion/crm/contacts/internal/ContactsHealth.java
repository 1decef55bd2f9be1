package org.bastion.crm.contacts.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.bastion.crm.api.health.ComponentHealth;
import org.bastion.crm.api.health.HealthContributor;
import org.bastion.crm.api.health.HealthState;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Reports "contacts" as UP when the schema is migrated and a trivial query through the persistence unit succeeds.
 * While the bundle is stopping (uninstalled or updated), the persistence unit leaves before this component does: that
 * (and a late call after this component was deactivated) is reported as DEGRADED "stopping", not as DOWN, so a capability swap does not fail the health check. Likewise while
 * it starts (installed at run time, or at boot): until contacts has been UP once, for at most {@link #STARTING_GRACE}
 * after this component's activation, and while the schema component is registered (the datasource is there, so the
 * migration runs or is about to), a missing schema or persistence unit is DEGRADED "starting: ...". A migration that
 * fails is DOWN once the grace has passed; no datasource at all is DOWN at once.
 */
@Component(service = HealthContributor.class)
public final class ContactsHealth implements HealthContributor {

    /** The component name in the health report. */
    public static final String NAME = "contacts";

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY, target = "(osgi.unit.name=crm-contacts)")
    volatile JpaTemplate jpa;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile ContactsSchema schema;

    /** How long after activation contacts, not UP yet, may report "starting" rather than DOWN. */
    static final Duration STARTING_GRACE = Duration.ofSeconds(60);

    private final BundleContext context;
    private final Bundle bundle;
    private final LongSupplier clockMillis;
    private final long activatedAt;
    private volatile boolean beenUp;
    private volatile boolean deactivated;

    @Activate
    public ContactsHealth(BundleContext context) {
        this(context, System::currentTimeMillis);
    }

    ContactsHealth(BundleContext context, LongSupplier clockMillis) {
        this.context = context;
        this.bundle = context.getBundle();
        this.clockMillis = clockMillis;
        this.activatedAt = clockMillis.getAsLong();
    }

    /** SCR is done with this instance: a caller that still holds it (a health report under way) asks it late. */
    @Deactivate
    void deactivate() {
        deactivated = true;
    }

    @Override
    public ComponentHealth check() {
        ComponentHealth health = probe();
        if (health.state() == HealthState.UP) {
            beenUp = true;
        } else if (health.state() == HealthState.DOWN && (deactivated || bundle.getState() == Bundle.STOPPING)) {
            return new ComponentHealth(NAME, HealthState.DEGRADED, "stopping");
        } else if (health.state() == HealthState.DOWN && starting()) {
            return new ComponentHealth(NAME, HealthState.DEGRADED, "starting: " + health.detail());
        }
        return health;
    }

    private boolean starting() {
        long now = clockMillis.getAsLong();
        if (beenUp || now - activatedAt >= STARTING_GRACE.toMillis()) {
            return false;
        }
        try {
            return now - bundle.getLastModified() < STARTING_GRACE.toMillis()
                    || context.getServiceReference(ContactsSchema.class) != null;
        } catch (IllegalStateException bundleStopped) {
            return false;
        }
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
