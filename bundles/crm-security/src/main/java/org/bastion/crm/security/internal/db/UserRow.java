package org.bastion.crm.security.internal.db;

import java.time.Instant;
import java.util.Set;

import org.bastion.crm.api.security.UserStatus;

/**
 * One row of {@code crm_user} with its roles, as stored: ciphertexts, hash and all. Never leaves the bundle.
 *
 * @param status {@link UserStatus#ACTIVE} or {@link UserStatus#DISABLED} (locks are not stored)
 * @param totpLastStep the last TOTP step accepted, or null if none
 */
public record UserRow(String id, String username, String displayName, String emailCiphertext, String passwordHash,
        UserStatus status, String totpSecretCiphertext, boolean totpEnabled, Long totpLastStep, Instant createdAt,
        Instant lastLoginAt, long version, Set<String> roles) {

    public UserRow {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** The last TOTP step accepted, or {@link Long#MIN_VALUE} when none was. */
    public long lastTotpStepOrMin() {
        return totpLastStep == null ? Long.MIN_VALUE : totpLastStep;
    }

    /** Whether the row holds an active user. */
    public boolean isActive() {
        return status == UserStatus.ACTIVE;
    }

    @Override
    public String toString() {
        return "UserRow[id=" + id + ", status=" + status + ", roles=" + roles + "]";
    }
}
