package org.bastion.crm.api.audit;

import java.util.Locale;

/** How a recorded action ended. */
public enum AuditOutcome {
    /** It was done. */
    SUCCESS,
    /** It was tried and failed (a wrong password, a wrong second factor). */
    FAILURE,
    /** It was refused for lack of authentication, permission or scope. */
    DENIED;

    /** The name on the wire and in filters: {@code success}, {@code failure}, {@code denied}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The outcome with this wire name (case-insensitive).
     *
     * @throws IllegalArgumentException when there is none
     */
    public static AuditOutcome ofWireName(String name) {
        for (AuditOutcome outcome : values()) {
            if (outcome.wireName().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown outcome '" + name + "': use success, failure or denied");
    }
}
