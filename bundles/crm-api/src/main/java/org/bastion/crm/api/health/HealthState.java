package org.bastion.crm.api.health;

/** The state of one component, from working to broken. */
public enum HealthState {
    /** Works. */
    UP,
    /** Works with reduced capability (a dependency is missing or slow). */
    DEGRADED,
    /** Does not work. */
    DOWN
}
