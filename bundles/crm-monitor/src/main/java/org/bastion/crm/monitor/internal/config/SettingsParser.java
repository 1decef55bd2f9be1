package org.bastion.crm.monitor.internal.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bastion.crm.api.monitor.AlertSeverity;
import org.bastion.crm.monitor.internal.response.ResponseKind;

/**
 * Reads the properties of PID {@code org.bastion.crm.monitor} ({@code <rule>.<setting>} keys over the defaults) and
 * refuses them whole, naming every problem, when one is wrong: an unknown rule or setting, a threshold, window or
 * period that is not a positive whole number, an unknown severity, response, time or zone.
 */
public final class SettingsParser {

    /** The global setting: hours window marks are kept. */
    public static final String MARK_RETENTION_HOURS = "markRetentionHours";

    private static final Set<String> IGNORED_PREFIXES = Set.of("service", "component", "felix", "osgi");
    private static final Set<String> RULE_SETTINGS = Set.of("enabled", "severity", "responses", "responseMinutes");
    private static final Set<String> COUNTING_SETTINGS = Set.of("threshold", "windowSeconds");
    private static final Set<String> OFF_HOURS_SETTINGS = Set.of("start", "end", "zone");

    private SettingsParser() {
    }

    /**
     * The settings {@code properties} describe.
     *
     * @throws IllegalArgumentException naming every problem, when any
     */
    public static MonitorSettings parse(Map<String, ?> properties) {
        MonitorSettings defaults = MonitorSettings.DEFAULTS;
        Map<String, RuleSettings> rules = new LinkedHashMap<>(defaults.rules());
        OffHours offHours = defaults.offHours();
        Duration retention = defaults.markRetention();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ?> property : new TreeMap<String, Object>(properties).entrySet()) {
            String key = property.getKey();
            String value = String.valueOf(property.getValue()).trim();
            int dot = key.indexOf('.');
            if (key.equals(MARK_RETENTION_HOURS)) {
                Long hours = positive(key, value, problems);
                retention = hours == null ? retention : Duration.ofHours(hours);
                continue;
            }
            if (dot < 0 || IGNORED_PREFIXES.contains(key.substring(0, dot)) || key.endsWith(".target")) {
                continue;
            }
            String rule = key.substring(0, dot);
            String setting = key.substring(dot + 1);
            RuleSettings current = rules.get(rule);
            if (current == null) {
                problems.add("unknown rule '" + rule + "' in " + key + " (rules: "
                        + String.join(", ", defaults.rules().keySet()) + ")");
            } else if (rule.equals(MonitorSettings.OFF_HOURS_ADMIN) && OFF_HOURS_SETTINGS.contains(setting)) {
                offHours = offHours(offHours, key, setting, value, problems);
            } else if (RULE_SETTINGS.contains(setting)
                    || current.window() != null && COUNTING_SETTINGS.contains(setting)) {
                rules.put(rule, apply(current, key, setting, value, problems));
            } else {
                problems.add("unknown setting " + key);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new MonitorSettings(rules, offHours, retention);
    }

    private static RuleSettings apply(RuleSettings current, String key, String setting, String value,
            List<String> problems) {
        try {
            switch (setting) {
                case "enabled":
                    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                        problems.add(key + " must be true or false, not '" + value + "'");
                        return current;
                    }
                    return current.withEnabled(Boolean.parseBoolean(value));
                case "severity":
                    return current.withSeverity(AlertSeverity.ofWireName(value));
                case "responses":
                    return current.withResponses(responses(value));
                case "responseMinutes": {
                    Long minutes = positive(key, value, problems);
                    return minutes == null ? current : current.withResponsePeriod(Duration.ofMinutes(minutes));
                }
                case "threshold": {
                    Long threshold = positive(key, value, problems);
                    return threshold == null ? current : current.withThreshold(threshold);
                }
                default: {
                    Long seconds = positive(key, value, problems);
                    return seconds == null ? current : current.withWindow(Duration.ofSeconds(seconds));
                }
            }
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return current;
        }
    }

    private static Set<ResponseKind> responses(String value) {
        Set<ResponseKind> kinds = EnumSet.noneOf(ResponseKind.class);
        for (String part : value.split(",")) {
            if (!part.isBlank() && !part.trim().equals("none")) {
                kinds.add(ResponseKind.ofWireName(part));
            }
        }
        return kinds;
    }

    private static OffHours offHours(OffHours current, String key, String setting, String value,
            List<String> problems) {
        try {
            return switch (setting) {
                case "start" -> new OffHours(LocalTime.parse(value), current.end(), current.zone());
                case "end" -> new OffHours(current.start(), LocalTime.parse(value), current.zone());
                default -> new OffHours(current.start(), current.end(), ZoneId.of(value));
            };
        } catch (DateTimeParseException e) {
            problems.add(key + " must be a time such as 07:00, not '" + value + "'");
        } catch (java.time.DateTimeException e) {
            problems.add(key + " must be a time zone such as Europe/Paris or UTC, not '" + value + "'");
        }
        return current;
    }

    private static Long positive(String key, String value, List<String> problems) {
        try {
            long number = Long.parseLong(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key + " must be a whole number above 0, not '" + value + "'");
        return null;
    }
}
