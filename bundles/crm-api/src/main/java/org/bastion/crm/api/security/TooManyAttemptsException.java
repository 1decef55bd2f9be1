package org.bastion.crm.api.security;

import java.time.Duration;

import org.bastion.crm.api.CrmException;

/** Too many failed attempts from this account or address: refused until {@link #retryAfter()}; maps to HTTP 429. */
public class TooManyAttemptsException extends CrmException {

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
}
