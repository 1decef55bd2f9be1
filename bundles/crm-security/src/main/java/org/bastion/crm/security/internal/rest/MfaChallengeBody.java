package org.bastion.crm.security.internal.rest;

import java.time.Instant;

/**
 * A login waiting for its second factor: send the challenge with a code to {@code POST /auth/mfa}.
 *
 * @param mfaRequired always true
 * @param challenge the challenge
 * @param expiresAt when the challenge expires
 */
public record MfaChallengeBody(boolean mfaRequired, String challenge, Instant expiresAt) {

    @Override
    public String toString() {
        return "MfaChallengeBody[challenge=***, expiresAt=" + expiresAt + "]";
    }
}
