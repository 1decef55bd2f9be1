package org.bastion.crm.api.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A CRM user as administrators and the user see it; never carries a password hash, TOTP secret or recovery code.
 *
 * @param id stable id (a UUID), used as the owner of the records the user creates
 * @param username the unique login name (lower case)
 * @param displayName the name shown to people
 * @param email the user's e-mail address (stored encrypted)
 * @param status whether the user may log in
 * @param lockedUntil when a {@link UserStatus#LOCKED} account unlocks by itself; null otherwise
 * @param roles the role names the user holds
 * @param totpEnabled whether the user has confirmed a TOTP authenticator
 * @param totpRequired whether one of the user's roles requires two-factor login
 * @param recoveryCodesLeft how many unused recovery codes the user has
 * @param createdAt when the user was created
 * @param lastLoginAt when the user last completed a login; null if never
 */
public record User(String id, String username, String displayName, String email, UserStatus status,
        Instant lockedUntil, Set<String> roles, boolean totpEnabled, boolean totpRequired, int recoveryCodesLeft,
        Instant createdAt, Instant lastLoginAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(status, "status");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** Whether the user holds {@code role}. */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
