package org.bastion.crm.security.internal.db;

import java.time.Instant;

/**
 * One row of {@code crm_session}; {@code tokenHash} is the hex SHA-256 of the bearer token.
 */
public record SessionRow(String id, String tokenHash, String userId, String channel, String address,
        String userAgent, Instant createdAt, Instant lastSeenAt, Instant absoluteExpiresAt, boolean enrolmentOnly) {

    /** The same session, last seen at {@code at}. */
    public SessionRow seenAt(Instant at) {
        return new SessionRow(id, tokenHash, userId, channel, address, userAgent, createdAt, at, absoluteExpiresAt,
                enrolmentOnly);
    }

    @Override
    public String toString() {
        return "SessionRow[id=" + id + ", userId=" + userId + ", channel=" + channel + "]";
    }
}
