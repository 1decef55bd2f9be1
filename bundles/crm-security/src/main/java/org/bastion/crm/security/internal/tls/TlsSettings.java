package org.bastion.crm.security.internal.tls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.util.IPAddress;

/**
 * What the generated self-signed certificate names and how long it lasts, read from the {@code org.bastion.crm.tls}
 * configuration ({@code hostNames}: further DNS names or IP addresses besides localhost and 127.0.0.1, separated by commas
 * or spaces; {@code validityDays}: 1 to 825).
 */
public record TlsSettings(List<String> hostNames, Duration validity) {

    /** The configuration PID. */
    public static final String PID = "org.bastion.crm.tls";

    /** The longest validity accepted, the longest browsers accepted for TLS server certificates. */
    public static final int MAX_VALIDITY_DAYS = 825;

    private static final int MAX_HOST_NAME_LENGTH = 253;

    /** Validates both values. */
    public TlsSettings {
        hostNames = List.copyOf(hostNames);
        hostNames.forEach(TlsSettings::requireHostName);
        if (validity.isNegative() || validity.isZero() || validity.compareTo(Duration.ofDays(MAX_VALIDITY_DAYS)) > 0) {
            throw new IllegalArgumentException("validityDays must be between 1 and " + MAX_VALIDITY_DAYS);
        }
    }

    /** The defaults: no further names, 825 days. */
    public static TlsSettings defaults() {
        return new TlsSettings(List.of(), Duration.ofDays(MAX_VALIDITY_DAYS));
    }

    /**
     * The settings in a configuration dictionary's values (strings, as Felix FileInstall delivers them, or numbers);
     * a missing key keeps its default.
     *
     * @throws IllegalArgumentException if a value is present but invalid
     */
    public static TlsSettings from(Map<String, ?> properties) {
        TlsSettings defaults = defaults();
        List<String> hostNames = defaults.hostNames();
        Object names = properties.get("hostNames");
        if (names != null) {
            hostNames = new ArrayList<>();
            for (String name : String.valueOf(names).split("[,\\s]+")) {
                if (!name.isEmpty()) {
                    hostNames.add(name);
                }
            }
        }
        Duration validity = defaults.validity();
        Object days = properties.get("validityDays");
        if (days != null && !String.valueOf(days).isBlank()) {
            try {
                validity = Duration.ofDays(Long.parseLong(String.valueOf(days).strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("validityDays must be a whole number of days");
            }
        }
        return new TlsSettings(hostNames, validity);
    }

    /** The certificate's subject common name: the first further name if any, else localhost. */
    public String commonName() {
        return hostNames.isEmpty() ? "localhost" : hostNames.get(0);
    }

    private static void requireHostName(String name) {
        boolean valid = name.length() <= MAX_HOST_NAME_LENGTH
                && (IPAddress.isValid(name) || name.matches("(?i)(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"));
        if (!valid) {
            throw new IllegalArgumentException("hostNames: not a DNS name or IP address: " + name);
        }
    }
}
