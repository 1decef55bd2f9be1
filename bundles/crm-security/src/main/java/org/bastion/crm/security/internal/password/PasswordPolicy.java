package org.bastion.crm.security.internal.password;

import java.util.Locale;
import java.util.Set;
import org.bastion.crm.api.ValidationException;

/**
 * The password rules of NIST SP 800-63B: a minimum length (12 by default), at most 128 characters, not the username or
 * containing it, not one of the most common passwords, and no composition rules.
 */
public final class PasswordPolicy {

    /** The minimum length used unless configured otherwise. */
    public static final int DEFAULT_MINIMUM_LENGTH = 12;
    /** The longest password accepted, in characters. */
    public static final int MAXIMUM_LENGTH = 128;
    /** The lowest minimum length that may be configured, the floor NIST SP 800-63B sets. */
    public static final int LOWEST_ALLOWED_MINIMUM = 8;
    /** Usernames shorter than this are only refused as the whole password, not as a part of it. */
    static final int SHORTEST_USERNAME_CHECKED_AS_PART = 3;

    private static final String FIELD = "password";

    private final int minimumLength;
    private final Set<String> commonPasswords;

    /** A policy with the given minimum length and list of common passwords (lower case). */
    public PasswordPolicy(int minimumLength, Set<String> commonPasswords) {
        if (minimumLength < LOWEST_ALLOWED_MINIMUM || minimumLength > MAXIMUM_LENGTH) {
            throw new IllegalArgumentException(
                    "minimum password length must be between " + LOWEST_ALLOWED_MINIMUM + " and " + MAXIMUM_LENGTH);
        }
        this.minimumLength = minimumLength;
        this.commonPasswords = Set.copyOf(commonPasswords);
    }

    /** The default policy: 12 characters and the shipped list of the 10,000 most common passwords. */
    public static PasswordPolicy standard() {
        return new PasswordPolicy(DEFAULT_MINIMUM_LENGTH, CommonPasswords.shipped());
    }

    /**
     * Checks a new password for a user.
     *
     * @throws ValidationException on the field {@code password}, saying which rule the password breaks
     */
    public void check(String username, String password) {
        if (password == null || password.isEmpty()) {
            throw ValidationException.of(FIELD, "is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < minimumLength) {
            throw ValidationException.of(FIELD, "must be at least " + minimumLength + " characters long");
        }
        if (length > MAXIMUM_LENGTH) {
            throw ValidationException.of(FIELD, "must be at most " + MAXIMUM_LENGTH + " characters long");
        }
        String lowerPassword = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank()) {
            String lowerUsername = username.strip().toLowerCase(Locale.ROOT);
            boolean containsUsername = lowerUsername.length() >= SHORTEST_USERNAME_CHECKED_AS_PART
                    && lowerPassword.contains(lowerUsername);
            if (lowerPassword.equals(lowerUsername) || containsUsername) {
                throw ValidationException.of(FIELD, "must not contain the username");
            }
        }
        if (commonPasswords.contains(lowerPassword)) {
            throw ValidationException.of(FIELD, "is one of the most commonly used passwords; choose another one");
        }
    }

    /** The configured minimum length. */
    public int minimumLength() {
        return minimumLength;
    }
}
