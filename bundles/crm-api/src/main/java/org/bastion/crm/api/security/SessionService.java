package org.bastion.crm.api.security;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Lists and revokes sessions. A user sees and revokes their own; an administrator anyone's. A session the caller may
 * not see is reported as not found. Each revocation publishes {@link SecurityEvents#SESSION_REVOKED}.
 */
@ProviderType
public interface SessionService {

    /** The live sessions of {@code userId}, newest first. */
    List<SessionInfo> sessionsOf(String userId);

    /** Every live session (administrators only), newest first. */
    List<SessionInfo> all();

    /** Ends the session with {@code sessionId}. */
    void revoke(String sessionId);

    /** Ends every session of {@code userId}; returns how many ended. */
    int revokeAllOf(String userId);
}
