package org.bastion.crm.security.internal.rest;

import java.time.Instant;
import java.util.List;

import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserStatus;

/**
 * A user on the wire, never a password hash, TOTP secret or recovery code.
 *
 * @param id the user's id
 * @param username the login name
 * @param displayName the name shown to people
 * @param email the e-mail address
 * @param status ACTIVE, LOCKED or DISABLED
 * @param lockedUntil when a lock ends by itself; absent unless locked (and never in {@code /auth/me})
 * @param roles the user's roles, sorted
 * @param totpEnabled whether two-factor login is on
 * @param totpRequired whether one of the user's roles requires it
 * @param recoveryCodesLeft how many unused recovery codes are left
 * @param createdAt when the user was created
 * @param lastLoginAt when the user last logged in; absent if never
 */
public record UserBody(String id, String username, String displayName, String email, UserStatus status,
                       Instant lockedUntil, List<String> roles, boolean totpEnabled, boolean totpRequired,
                       int recoveryCodesLeft, Instant createdAt, Instant lastLoginAt) {

    /** The user as administrators see it. */
    static UserBody of(User user) {
        return new UserBody(user.id(), user.username(), user.displayName(), user.email(), user.status(),
                user.lockedUntil(), user.roles().stream().sorted().toList(), user.totpEnabled(), user.totpRequired(),
                user.recoveryCodesLeft(), user.createdAt(), user.lastLoginAt());
    }

    /** The user as they see themselves in {@code /auth/me}. */
    static UserBody self(User user) {
        UserBody full = of(user);
        return new UserBody(full.id, full.username, full.displayName, full.email, full.status, null, full.roles,
                full.totpEnabled, full.totpRequired, full.recoveryCodesLeft, full.createdAt, full.lastLoginAt);
    }

    @Override
    public String toString() {
        return "UserBody[id=" + id + ", username=" + username + ", status=" + status + "]";
    }
}
