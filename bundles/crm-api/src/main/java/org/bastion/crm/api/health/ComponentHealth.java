package org.bastion.crm.api.health;

import java.util.Objects;

/**
 * What one component reports about itself.
 *
 * @param component the component's name, such as {@code contacts} or {@code database}
 * @param state its state
 * @param detail a short explanation, never containing secrets or personal data; may be null
 */
public record ComponentHealth(String component, HealthState state, String detail) {

    public ComponentHealth {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(state, "state");
    }
}
