package org.bastion.crm.permissions.internal.role;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.permissions.internal.PermissionCatalogue;
import org.bastion.crm.permissions.internal.PermissionRules;

/** Checks role input: the name, the description, and permissions that are well formed, few enough and defined. */
final class RoleValidator {

    private final List<FieldError> errors = new ArrayList<>();

    /** Checks a new role's name. */
    RoleValidator name(String name) {
        if (!PermissionRules.validName(name)) {
            errors.add(new FieldError("name", "a role name is 2 to 40 lower-case letters, digits or '-',"
                    + " starting with a letter"));
        }
        return this;
    }

    /** Checks a description (null allowed): one line, the platform text rule, the length limit. */
    RoleValidator description(String description) {
        PermissionRules.descriptionError(description).ifPresent(errors::add);
        return this;
    }

    /** Checks permissions to be granted: their syntax, that the catalogue defines each, and the role's total. */
    RoleValidator granted(Collection<String> permissions, int totalAfter, PermissionCatalogue catalogue) {
        for (String permission : new TreeSet<>(permissions)) {
            if (!PermissionRules.validPermission(permission)) {
                errors.add(new FieldError("permissions", "'" + abbreviated(permission) + "' is not a permission"
                        + " (1 to 3 parts of lower-case letters, digits, '-' or '*', separated by ':', at most "
                        + PermissionRules.MAX_PERMISSION_LENGTH + " characters)"));
            } else if (!catalogue.defines(permission)) {
                errors.add(new FieldError("permissions", permission + " is not defined by any installed bundle"));
            }
        }
        if (totalAfter > PermissionRules.MAX_PERMISSIONS) {
            errors.add(new FieldError("permissions", "a role grants at most " + PermissionRules.MAX_PERMISSIONS
                    + " permissions"));
        }
        return this;
    }

    /** Adds an error. */
    RoleValidator error(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /** Throws a ValidationException naming every problem, if there is one. */
    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw toException();
        }
    }

    /** The ValidationException naming every problem found so far. */
    ValidationException toException() {
        return new ValidationException(errors);
    }

    private static String abbreviated(String permission) {
        if (permission == null) {
            return "null";
        }
        return permission.length() > 40 ? permission.substring(0, 40) + "..." : permission;
    }
}
