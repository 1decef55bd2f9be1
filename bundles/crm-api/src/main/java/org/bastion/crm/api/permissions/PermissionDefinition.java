package org.bastion.crm.api.permissions;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One permission a bundle defines: its string {@code domain:action}, what it allows, and whether it takes a record
 * scope ({@code domain:action:own|team|all}; a grant without the scope means {@code all}).
 *
 * @param permission the permission, {@code domain:action} in lower case (letters, digits and '-')
 * @param description what a holder may do, one sentence for administrators
 * @param scoped whether the permission is granted per record scope (own, team or all)
 */
public record PermissionDefinition(String permission, String description, boolean scoped) {

    /** The syntax of a defined permission: two lower-case parts. */
    public static final Pattern SYNTAX = Pattern.compile("[a-z][a-z0-9-]{0,31}:[a-z][a-z0-9-]{0,31}");

    public PermissionDefinition {
        Objects.requireNonNull(permission, "permission");
        if (!SYNTAX.matcher(permission).matches()) {
            throw new IllegalArgumentException("a permission is domain:action in lower case, not " + permission);
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("permission " + permission + " needs a description");
        }
    }

    /** The domain part ({@code contacts} of {@code contacts:read}). */
    public String domain() {
        return permission.substring(0, permission.indexOf(':'));
    }

    /** The action part ({@code read} of {@code contacts:read}). */
    public String action() {
        return permission.substring(permission.indexOf(':') + 1);
    }
}
