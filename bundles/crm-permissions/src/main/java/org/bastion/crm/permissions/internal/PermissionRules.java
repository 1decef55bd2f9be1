package org.bastion.crm.permissions.internal;

import java.util.regex.Pattern;

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

    /** Whether {@code description} (null allowed) is within the length limit. */
    public static boolean validDescription(String description) {
        return description == null || description.length() <= MAX_DESCRIPTION;
    }
}
