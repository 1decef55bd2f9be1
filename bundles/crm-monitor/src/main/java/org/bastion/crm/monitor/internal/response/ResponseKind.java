package org.bastion.crm.monitor.internal.response;

import java.util.Locale;

/** An automatic response a rule may apply when it raises an alert. */
public enum ResponseKind {
    /** Lock the subject's account for the response period. */
    LOCK_ACCOUNT,
    /** End every session of the subject's account. */
    END_SESSIONS,
    /** Refuse the triggering entry's client address for the response period. */
    REFUSE_ADDRESS;

    /** The name in configuration, events and the audit trail: {@code lock-account}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The kind with this wire name.
     *
     * @throws IllegalArgumentException when there is none
     */
    public static ResponseKind ofWireName(String name) {
        for (ResponseKind kind : values()) {
            if (kind.wireName().equals(name == null ? "" : name.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown response '" + name
                + "' (use lock-account, end-sessions or refuse-address)");
    }
}
