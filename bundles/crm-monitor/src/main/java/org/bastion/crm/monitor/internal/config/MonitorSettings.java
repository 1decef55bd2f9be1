package org.bastion.crm.monitor.internal.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.bastion.crm.api.monitor.AlertSeverity;

/**
 * The settings of the built-in rules in force (PID {@code org.bastion.crm.monitor}), with the defaults the CRM ships.
 *
 * @param rules the settings of each built-in rule, by rule name
 * @param offHours the administrators' working hours ({@code off-hours-admin})
 * @param markRetention how long window marks are kept (longer windows count only this far back)
 */
public record MonitorSettings(Map<String, RuleSettings> rules, OffHours offHours, Duration markRetention) {

    public static final String FAILED_LOGINS = "failed-logins";
    public static final String CREDENTIAL_STUFFING = "credential-stuffing";
    public static final String MASS_READ = "mass-read";
    public static final String PRIVILEGE_CHANGE = "privilege-change";
    public static final String OFF_HOURS_ADMIN = "off-hours-admin";
    public static final String NEW_ADDRESS = "new-address";
    public static final String AUDIT_TAMPERING = "audit-tampering";

    /** The default response period (locks and refusals). */
    public static final Duration DEFAULT_RESPONSE_PERIOD = Duration.ofMinutes(30);

    /** What the CRM ships with. */
    public static final MonitorSettings DEFAULTS = new MonitorSettings(defaultRules(),
            new OffHours(LocalTime.of(7, 0), LocalTime.of(20, 0), ZoneOffset.UTC), Duration.ofHours(24));

    public MonitorSettings {
        rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }

    /** The settings of a built-in rule. */
    public RuleSettings rule(String name) {
        RuleSettings settings = rules.get(name);
        if (settings == null) {
            throw new IllegalArgumentException("no built-in rule " + name);
        }
        return settings;
    }

    /** Whether {@code name} is a built-in rule's. */
    public static boolean isBuiltIn(String name) {
        return DEFAULTS.rules.containsKey(name);
    }

    private static Map<String, RuleSettings> defaultRules() {
        Map<String, RuleSettings> rules = new LinkedHashMap<>();
        rules.put(FAILED_LOGINS, counting(AlertSeverity.HIGH, 5, Duration.ofMinutes(5)));
        rules.put(CREDENTIAL_STUFFING, counting(AlertSeverity.CRITICAL, 5, Duration.ofMinutes(10)));
        rules.put(MASS_READ, counting(AlertSeverity.HIGH, 100, Duration.ofMinutes(10)));
        rules.put(PRIVILEGE_CHANGE, plain(AlertSeverity.HIGH));
        rules.put(OFF_HOURS_ADMIN, plain(AlertSeverity.MEDIUM));
        rules.put(NEW_ADDRESS, plain(AlertSeverity.MEDIUM));
        rules.put(AUDIT_TAMPERING, plain(AlertSeverity.CRITICAL));
        return rules;
    }

    private static RuleSettings counting(AlertSeverity severity, long threshold, Duration window) {
        return new RuleSettings(true, severity, threshold, window, Set.of(), DEFAULT_RESPONSE_PERIOD);
    }

    private static RuleSettings plain(AlertSeverity severity) {
        return new RuleSettings(true, severity, 0, null, Set.of(), DEFAULT_RESPONSE_PERIOD);
    }
}
