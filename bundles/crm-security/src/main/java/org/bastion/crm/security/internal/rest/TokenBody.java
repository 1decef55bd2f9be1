package org.bastion.crm.security.internal.rest;

import java.time.Instant;

/**
 * A finished login: the session token to send as {@code Authorization: Bearer <token>}.
 *
 * @param token the opaque session token, shown this once
 * @param expiresAt when the token expires unless used (the idle timeout)
 * @param totpEnrolmentRequired whether the session may only enrol TOTP until the user sets it up
 */
public record TokenBody(String token, Instant expiresAt, boolean totpEnrolmentRequired) {

    @Override
    public String toString() {
        return "TokenBody[token=***, expiresAt=" + expiresAt + "]";
    }
}
