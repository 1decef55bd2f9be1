package org.bastion.crm.api.security;

import java.time.Duration;
import java.util.Map;

import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.rest.ProblemHeaders;
import org.bastion.crm.api.rest.ProblemType;

/**
 * Too many failed attempts from this account or address: refused until {@link #retryAfter()}; maps to HTTP 429 with
 * {@code Retry-After} in whole seconds.
 */
@ProblemType(status = 429)
public class TooManyAttemptsException extends CrmException implements ProblemHeaders {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("Too many failed attempts; try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds.");
        this.retryAfter = retryAfter;
    }

    /** How long the client should wait before trying again. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public String code() {
        return "too-many-attempts";
    }

    /** {@code Retry-After}: the wait in whole seconds, rounded up, at least 1. */
    @Override
    public Map<String, String> problemHeaders() {
        long seconds = 1;
        if (retryAfter != null && !retryAfter.isNegative()) {
            seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
        }
        return Map.of("Retry-After", String.valueOf(seconds));
    }
}
