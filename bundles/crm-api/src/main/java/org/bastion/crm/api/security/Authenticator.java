package org.bastion.crm.api.security;

import java.util.Optional;

import org.bastion.crm.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Logs users in and resolves session tokens. Failures are {@link AuthenticationException} with one message whatever
 * went wrong (unknown user, wrong password, disabled account, bad code), or {@link TooManyAttemptsException} while the
 * brute-force defence holds the account or address back. Every attempt publishes a {@link SecurityEvents} event.
 */
@ProviderType
public interface Authenticator {

    /** Checks a username and password; returns a session or, for users with TOTP, a challenge. */
    LoginResult login(String username, String password, ClientInfo client);

    /** Completes a login with the challenge from {@link #login} and a TOTP or recovery code; returns the session. */
    LoginResult completeMfa(String challenge, String code, ClientInfo client);

    /** The live session a bearer token belongs to, extending its idle timeout; empty if unknown, expired or revoked. */
    Optional<AuthenticatedSession> authenticate(String token, ClientInfo client);

    /** Ends the session a token belongs to; unknown tokens are ignored. */
    void logout(String token);

    /**
     * Checks an administrator's console login (SSH shell, web console, JMX): the password immediately followed by the
     * current 6-digit TOTP code (or followed by a recovery code). Only users holding {@link SecurityRoles#ADMIN} with TOTP
     * switched on are admitted. Opens no session; throttled and published like any login.
     */
    Caller verifyConsoleLogin(String username, String passwordFollowedByCode, ClientInfo client);
}
