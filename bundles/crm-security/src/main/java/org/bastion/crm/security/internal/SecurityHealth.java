package org.bastion.crm.security.internal;

import org.bastion.crm.api.health.ComponentHealth;
import org.bastion.crm.api.health.HealthContributor;
import org.bastion.crm.api.health.HealthState;
import org.bastion.crm.security.internal.user.UserStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reports "security": UP with the number of users, DEGRADED while there is no user (the first administrator was not
 * created: see the log), DOWN when the users cannot be counted.
 */
@Component(service = HealthContributor.class)
public final class SecurityHealth implements HealthContributor {

    /** The component name in the health report. */
    public static final String NAME = "security";

    private final UserStore users;

    @Activate
    public SecurityHealth(@Reference UserStore users) {
        this.users = users;
    }

    @Override
    public ComponentHealth check() {
        try {
            long count = users.count();
            if (count == 0) {
                return new ComponentHealth(NAME, HealthState.DEGRADED, "no user yet: the first administrator was not"
                        + " created (see the log)");
            }
            return new ComponentHealth(NAME, HealthState.UP, count + (count == 1 ? " user" : " users"));
        } catch (RuntimeException e) {
            return new ComponentHealth(NAME, HealthState.DOWN, "users cannot be read: " + e.getClass().getSimpleName());
        }
    }
}
