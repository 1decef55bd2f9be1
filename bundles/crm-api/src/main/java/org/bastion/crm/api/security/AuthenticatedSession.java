package org.bastion.crm.api.security;

import java.time.Instant;

import org.bastion.crm.api.Caller;

/**
 * A valid session found for a bearer token.
 *
 * @param sessionId the session's id (not its token)
 * @param caller who the session acts for, with the user's roles (none while {@code totpEnrolmentOnly})
 * @param totpEnrolmentOnly whether the session may only enrol TOTP, see {@link LoginResult#totpEnrolmentRequired()}
 * @param idleExpiresAt when the session ends unless used again
 * @param absoluteExpiresAt when the session ends whatever happens
 */
public record AuthenticatedSession(String sessionId, Caller caller, boolean totpEnrolmentOnly, Instant idleExpiresAt,
        Instant absoluteExpiresAt) {
}
