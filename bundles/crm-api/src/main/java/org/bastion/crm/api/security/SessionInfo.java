package org.bastion.crm.api.security;

import java.time.Instant;

/**
 * A session as its user or an administrator sees it; never carries the token.
 *
 * @param id the session id, used to revoke it
 * @param userId the user the session belongs to
 * @param username that user's login name
 * @param channel how the session was opened ({@link ClientInfo#channel()})
 * @param address the address the login came from
 * @param userAgent the user agent of the login
 * @param createdAt when the login completed
 * @param lastSeenAt when the session was last used (kept to the minute)
 * @param expiresAt when the session ends: the earlier of idle timeout and absolute lifetime
 */
public record SessionInfo(String id, String userId, String username, String channel, String address, String userAgent,
        Instant createdAt, Instant lastSeenAt, Instant expiresAt) {
}
