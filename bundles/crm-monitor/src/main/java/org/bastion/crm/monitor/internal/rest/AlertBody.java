package org.bastion.crm.monitor.internal.rest;

import java.time.Instant;
import java.util.List;

import org.bastion.crm.api.monitor.Alert;

/**
 * An alert on the wire.
 *
 * @param id the alert's id
 * @param rule the rule that raised it
 * @param severity low, medium, high or critical
 * @param subject what it is about ({@code user:<id>}, {@code address:<address>}, ...)
 * @param summary one line for people
 * @param firstSequence the audit sequence number of the first triggering entry
 * @param lastSequence the audit sequence number of the latest triggering entry
 * @param count how many triggering entries it folds
 * @param state open, acknowledged or resolved
 * @param raisedAt when it was raised
 * @param updatedAt when it last changed
 * @param updatedBy who last acknowledged or resolved it; absent when no one did
 * @param responses the automatic responses applied (only on {@code GET /alerts/{id}}; absent in lists)
 */
public record AlertBody(String id, String rule, String severity, String subject, String summary, long firstSequence,
        long lastSequence, long count, String state, Instant raisedAt, Instant updatedAt, String updatedBy,
        List<ResponseBody> responses) {

    static AlertBody of(Alert alert, List<ResponseBody> responses) {
        return new AlertBody(alert.id().toString(), alert.rule(), alert.severity().wireName(), alert.subject(),
                alert.summary(), alert.firstSequence(), alert.lastSequence(), alert.count(),
                alert.state().wireName(), alert.raisedAt(), alert.updatedAt(), alert.updatedBy(), responses);
    }
}
