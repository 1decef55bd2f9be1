package org.bastion.crm.api.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered as an OSGi service by any bundle that wants its state in {@code GET /api/v1/health}.
 */
@ConsumerType
public interface HealthContributor {

    /** Checks the component quickly (well under a second) and reports its state; must not throw. */
    ComponentHealth check();
}
