package org.bastion.crm.security.internal.rest;

import java.time.Instant;

import org.bastion.crm.api.security.SessionInfo;

/**
 * One of the caller's sessions, never its token.
 *
 * @param id the session id, to revoke it
 * @param channel how it was opened
 * @param address the address of the login
 * @param userAgent the user agent of the login
 * @param createdAt when the login completed
 * @param lastSeenAt when it was last used
 * @param expiresAt when it ends unless revoked first
 * @param current whether it is the session making this request
 */
public record SessionBody(String id, String channel, String address, String userAgent, Instant createdAt,
                          Instant lastSeenAt, Instant expiresAt, boolean current) {

    static SessionBody of(SessionInfo session, String currentSessionId) {
        return new SessionBody(session.id(), session.channel(), session.address(), session.userAgent(),
                session.createdAt(), session.lastSeenAt(), session.expiresAt(), session.id().equals(currentSessionId));
    }
}
