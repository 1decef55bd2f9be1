package org.bastion.crm.api.monitor;

import java.util.Optional;

/**
 * Which alerts to list: all when every part is empty.
 *
 * @param rule only this rule's
 * @param state only alerts in this state
 * @param severity only alerts of this severity
 */
public record AlertQuery(Optional<String> rule, Optional<AlertState> state, Optional<AlertSeverity> severity) {

    /** Every alert. */
    public static final AlertQuery ALL = new AlertQuery(Optional.empty(), Optional.empty(), Optional.empty());

    public AlertQuery {
        rule = rule == null ? Optional.empty() : rule;
        state = state == null ? Optional.empty() : state;
        severity = severity == null ? Optional.empty() : severity;
    }
}
