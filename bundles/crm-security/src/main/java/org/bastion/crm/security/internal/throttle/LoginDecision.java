package org.bastion.crm.security.internal.throttle;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether a login attempt may proceed, and if not, which limit refused it and until when.
 *
 * @param lockedBy the limit that refused the attempt, or {@code null} if it is allowed
 * @param lockedUntil when the attempt would be allowed again, or {@code null} if it is allowed
 */
public record LoginDecision(LockScope lockedBy, Instant lockedUntil) {

    private static final LoginDecision ALLOWED = new LoginDecision(null, null);

    /** Which key of a login attempt a lockout applies to. */
    public enum LockScope {
        /** The account is locked after too many failures for it. */
        ACCOUNT,
        /** The client address is refused after too many failures from it, across accounts. */
        ADDRESS
    }

    public LoginDecision {
        if ((lockedBy == null) != (lockedUntil == null)) {
            throw new IllegalArgumentException("a lockout needs both its scope and its end");
        }
    }

    /** An attempt that may proceed. */
    public static LoginDecision allowed() {
        return ALLOWED;
    }

    /** An attempt refused by the lockout of {@code scope} until {@code until}. */
    public static LoginDecision locked(LockScope scope, Instant until) {
        return new LoginDecision(Objects.requireNonNull(scope, "scope"), Objects.requireNonNull(until, "until"));
    }

    /** True if the attempt may proceed. */
    public boolean isAllowed() {
        return lockedBy == null;
    }
}
