package org.bastion.crm.monitor.internal.config;

import java.time.Duration;
import java.util.Set;

import org.bastion.crm.api.monitor.AlertSeverity;
import org.bastion.crm.monitor.internal.response.ResponseKind;

/**
 * The settings of one built-in rule.
 *
 * @param enabled whether the rule is evaluated
 * @param severity the severity of its alerts
 * @param threshold how many entries (or distinct values) raise an alert; 0 for rules without one
 * @param window the time the threshold counts within; null for rules without one
 * @param responses the automatic responses applied when it raises an alert
 * @param responsePeriod how long a lock or refusal lasts
 */
public record RuleSettings(boolean enabled, AlertSeverity severity, long threshold, Duration window,
        Set<ResponseKind> responses, Duration responsePeriod) {

    public RuleSettings {
        responses = Set.copyOf(responses);
    }

    RuleSettings withEnabled(boolean value) {
        return new RuleSettings(value, severity, threshold, window, responses, responsePeriod);
    }

    RuleSettings withSeverity(AlertSeverity value) {
        return new RuleSettings(enabled, value, threshold, window, responses, responsePeriod);
    }

    RuleSettings withThreshold(long value) {
        return new RuleSettings(enabled, severity, value, window, responses, responsePeriod);
    }

    RuleSettings withWindow(Duration value) {
        return new RuleSettings(enabled, severity, threshold, value, responses, responsePeriod);
    }

    RuleSettings withResponses(Set<ResponseKind> value) {
        return new RuleSettings(enabled, severity, threshold, window, value, responsePeriod);
    }

    RuleSettings withResponsePeriod(Duration value) {
        return new RuleSettings(enabled, severity, threshold, window, responses, value);
    }
}
