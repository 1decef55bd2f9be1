package org.bastion.crm.api.monitor;

import java.util.Locale;

/** How urgent an alert is. */
public enum AlertSeverity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** The name on the wire and in configuration: {@code low}, {@code medium}, {@code high}, {@code critical}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The severity with this wire name (case-insensitive).
     *
     * @throws IllegalArgumentException when there is none
     */
    public static AlertSeverity ofWireName(String name) {
        for (AlertSeverity severity : values()) {
            if (severity.wireName().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return severity;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + name + "': use low, medium, high or critical");
    }
}
