package org.bastion.crm.api.monitor;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An alert a rule raised: entries of one rule and subject fold into it while it is not resolved.
 *
 * @param id the alert's id
 * @param rule the rule's name
 * @param severity how urgent it is
 * @param subject what it is about ({@code user:<id>}, {@code address:<address>})
 * @param summary one line for people
 * @param firstSequence the audit sequence number of the first triggering entry
 * @param lastSequence the audit sequence number of the latest triggering entry
 * @param count how many triggering entries it folds
 * @param state open, acknowledged or resolved
 * @param raisedAt when it was raised
 * @param updatedAt when it last changed
 * @param updatedBy who last acknowledged or resolved it, or null
 */
public record Alert(UUID id, String rule, AlertSeverity severity, String subject, String summary, long firstSequence,
        long lastSequence, long count, AlertState state, Instant raisedAt, Instant updatedAt, String updatedBy) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
