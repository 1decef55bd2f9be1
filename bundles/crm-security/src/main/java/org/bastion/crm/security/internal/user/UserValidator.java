package org.bastion.crm.security.internal.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.api.security.UserDraft;
import org.bastion.crm.api.text.SafeText;
import org.bastion.crm.api.text.TextKind;
import org.bastion.crm.security.internal.password.PasswordPolicy;

/**
 * Checks a {@link UserDraft} field by field, reporting every broken rule at once, and normalises it; the display name
 * and the e-mail address pass the platform text rule ({@link SafeText}) as sent.
 */
public final class UserValidator {

    /** Usernames: 3 to 64 of lower-case letters, digits, '.', '_', '@' and '-' (after lower-casing). */
    static final Pattern USERNAME = Pattern.compile("[a-z0-9._@-]{3,64}");
    static final int MAX_DISPLAY_NAME = 200;
    static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile(
            "[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+");

    private UserValidator() {
    }

    /** A draft whose fields passed and were normalised (username lower case, texts stripped, default role). */
    public record ValidDraft(String username, String displayName, String email, String password, Set<String> roles) {

        @Override
        public String toString() {
            return "ValidDraft[username=" + username + ", roles=" + roles + "]";
        }
    }

    /**
     * Validates and normalises a draft; its roles must be among {@code existingRoles}.
     *
     * @throws ValidationException listing every problem
     */
    public static ValidDraft validate(UserDraft draft, PasswordPolicy policy, Set<String> existingRoles) {
        if (draft == null) {
            throw ValidationException.of("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String username = normaliseUsername(draft.username());
        if (username == null || !USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username",
                    "must be 3 to 64 characters of letters, digits, '.', '_', '@' and '-'"));
        }
        Optional<FieldError> unsafeName = SafeText.check("displayName", draft.displayName(), TextKind.SINGLE_LINE);
        String displayName = draft.displayName() == null ? "" : draft.displayName().strip();
        if (unsafeName.isPresent()) {
            errors.add(unsafeName.get());
        } else if (displayName.isEmpty() || displayName.length() > MAX_DISPLAY_NAME) {
            errors.add(new FieldError("displayName", "must be 1 to " + MAX_DISPLAY_NAME
                    + " characters without control characters"));
        }
        Optional<FieldError> unsafeEmail = SafeText.check("email", draft.email(), TextKind.SINGLE_LINE);
        String email = draft.email() == null ? "" : draft.email().strip();
        if (unsafeEmail.isPresent()) {
            errors.add(unsafeEmail.get());
        } else if (email.isEmpty() || email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "must be an e-mail address of at most " + MAX_EMAIL + " characters"));
        }
        try {
            policy.check(username, draft.password());
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        Set<String> roles = new TreeSet<>(draft.roles());
        if (roles.isEmpty()) {
            roles.add(SecurityRoles.DEFAULT_ROLE);
        }
        if (roles.size() > AssignableRoles.MAX_ROLES) {
            errors.add(new FieldError("roles", "must name at most " + AssignableRoles.MAX_ROLES + " roles"));
        }
        for (String role : roles) {
            if (role == null || role.length() > AssignableRoles.MAX_NAME || !existingRoles.contains(role)) {
                errors.add(new FieldError("roles", "unknown role " + role));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ValidDraft(username, displayName, email, draft.password(), Set.copyOf(roles));
    }

    /** Whether a normalised username has the allowed shape (so that nothing else is looked up). */
    public static boolean isUsernameShaped(String normalised) {
        return USERNAME.matcher(normalised).matches();
    }

    /** A typed username stripped and lower-cased, or null. */
    public static String normaliseUsername(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }
}
