package org.bastion.crm.security.internal.login;

import java.util.Optional;

import org.bastion.crm.security.internal.SecurityPolicy;
import org.bastion.crm.security.internal.db.UserRow;
import org.bastion.crm.security.internal.password.Argon2idHasher;
import org.bastion.crm.security.internal.password.PasswordPolicy;
import org.bastion.crm.security.internal.user.UserStore;
import org.bastion.crm.security.internal.user.UserValidator;

/**
 * The password step of every login, one code path whatever the outcome: one user lookup and exactly one argon2id
 * computation (against the user's hash, or {@link Argon2idHasher#dummyVerify} for an unknown user, an unreadable hash
 * or an overlong password), so neither the answer nor its timing tells whether the username exists.
 */
public final class PasswordCheck {

    /** Longer passwords are never accepted; they are cut to this many characters before hashing (to bound the cost). */
    static final int MAX_CHARS = 4 * PasswordPolicy.MAXIMUM_LENGTH;

    /** What the password step found: the user (null if unknown) and whether the password matched. */
    public record Outcome(UserRow user, boolean passwordMatches) {

        /** Whether the password matched an existing user's hash. */
        public boolean accepted() {
            return user != null && passwordMatches;
        }

        /** Why the step failed, for the audit trail only. */
        public String failureReason() {
            return user == null ? "unknown-user" : passwordMatches ? null : "bad-password";
        }

        @Override
        public String toString() {
            return "Outcome[user=" + user + ", passwordMatches=" + passwordMatches + "]";
        }
    }

    private final UserStore users;
    private final SecurityPolicy policy;

    public PasswordCheck(UserStore users, SecurityPolicy policy) {
        this.users = users;
        this.policy = policy;
    }

    /** Checks {@code password} for the typed {@code username} (any case, surrounding spaces ignored). */
    public Outcome check(String username, String password) {
        String normalised = UserValidator.normaliseUsername(username);
        Optional<UserRow> user = normalised != null && UserValidator.isUsernameShaped(normalised)
                ? users.rowByUsername(normalised) : Optional.empty();
        String given = password == null ? "" : password;
        boolean overlong = given.length() > MAX_CHARS;
        if (overlong) {
            given = given.substring(0, MAX_CHARS);
        }
        Argon2idHasher hasher = policy.hasher();
        if (user.isEmpty()) {
            hasher.dummyVerify(given);
            return new Outcome(null, false);
        }
        boolean matches;
        try {
            matches = hasher.verify(given, user.get().passwordHash());
        } catch (IllegalArgumentException unreadable) {
            matches = hasher.dummyVerify(given);
        }
        return new Outcome(user.get(), matches && !overlong);
    }
}
