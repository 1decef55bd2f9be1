package org.bastion.crm.api.monitor;

import java.util.Locale;

/** Where an alert stands: raised, seen by an admin, or dealt with. */
public enum AlertState {
    OPEN, ACKNOWLEDGED, RESOLVED;

    /** The name on the wire: {@code open}, {@code acknowledged}, {@code resolved}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The state with this wire name (case-insensitive).
     *
     * @throws IllegalArgumentException when there is none
     */
    public static AlertState ofWireName(String name) {
        for (AlertState state : values()) {
            if (state.wireName().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown alert state '" + name + "': use open, acknowledged or resolved");
    }
}
