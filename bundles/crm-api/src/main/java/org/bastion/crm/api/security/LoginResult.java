package org.bastion.crm.api.security;

import java.time.Instant;

/**
 * The outcome of a successful password step: either a session token, or a challenge to complete with a second factor.
 *
 * @param token the opaque session token (only when no second factor is needed); shown once, stored only hashed
 * @param expiresAt when the token expires if unused (idle timeout), or when the challenge expires
 * @param challenge the challenge to send with the second factor (only when one is needed)
 * @param totpEnrolmentRequired whether the session may only enrol TOTP, because a role requires it and it is not set up
 */
public record LoginResult(String token, Instant expiresAt, String challenge, boolean totpEnrolmentRequired) {

    /** A finished login: a session token. */
    public static LoginResult session(String token, Instant expiresAt, boolean totpEnrolmentRequired) {
        return new LoginResult(token, expiresAt, null, totpEnrolmentRequired);
    }

    /** A login waiting for its second factor. */
    public static LoginResult mfa(String challenge, Instant expiresAt) {
        return new LoginResult(null, expiresAt, challenge, false);
    }

    /** Whether the login needs a second factor before it yields a token. */
    public boolean mfaRequired() {
        return challenge != null;
    }

    @Override
    public String toString() {
        return "LoginResult[mfaRequired=" + mfaRequired() + ", expiresAt=" + expiresAt + "]";
    }
}
