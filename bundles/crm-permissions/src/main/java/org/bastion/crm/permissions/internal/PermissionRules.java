package org.bastion.crm.permissions.internal;

import java.util.Optional;
import java.util.regex.Pattern;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.text.SafeText;
import org.bastion.crm.api.text.TextKind;

/** The syntax rules shared by roles and teams: names, descriptions, permission strings and their limits. */
public final class PermissionRules {

    /** A role or team name: a lower-case letter, then 1 to 39 lower-case letters, digits or '-'. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    /** A granted permission: 1 to 3 parts separated by ':', each lower-case letters, digits and '-', or '*'. */
    public static final Pattern PERMISSION = Pattern.compile("(\\*|[a-z0-9-]+)(:(\\*|[a-z0-9-]+)){0,2}");
    /** The longest description of a role or a team. */
    public static final int MAX_DESCRIPTION = 500;
    /** The most permissions one role may grant. */
    public static final int MAX_PERMISSIONS = 100;
    /** The longest permission string. */
    public static final int MAX_PERMISSION_LENGTH = 100;
    /** The most members one team may have. */
    public static final int MAX_MEMBERS = 1000;

    private PermissionRules() {
    }

    /** Whether {@code name} is a valid role or team name. */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Whether {@code permission} is a syntactically valid permission string within the length limit. */
    public static boolean validPermission(String permission) {
        return permission != null && permission.length() <= MAX_PERMISSION_LENGTH
                && PERMISSION.matcher(permission).matches();
    }

    /** Whether {@code description} (null allowed) is within the length limit and passes the platform text rule. */
    public static boolean validDescription(String description) {
        return descriptionError(description).isEmpty();
    }

    /**
     * What is wrong with a role's or a team's {@code description} (null allowed), reported on the field
     * {@code description}: one line that passes {@link SafeText} (no line break, control character, bidirectional
     * override, unpaired surrogate or noncharacter), at most {@link #MAX_DESCRIPTION} characters.
     */
    public static Optional<FieldError> descriptionError(String description) {
        Optional<FieldError> unsafe = SafeText.check("description", description, TextKind.SINGLE_LINE);
        if (unsafe.isPresent()) {
            return unsafe;
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            return Optional.of(new FieldError("description", "at most " + MAX_DESCRIPTION + " characters"));
        }
        return Optional.empty();
    }
}
