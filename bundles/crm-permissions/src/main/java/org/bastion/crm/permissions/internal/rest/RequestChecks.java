package org.bastion.crm.permissions.internal.rest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;

/**
 * What the resources check before a service sees a request: a body is present, and a list of permissions is neither
 * oversized nor holding nulls (the services judge everything else: names, permissions, rights).
 */
final class RequestChecks {

    /** The most permissions one request may name. */
    static final int MAX_PERMISSIONS = 1000;

    static final String REQUIRED = "is required";

    private static final Pattern SHOWN_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private RequestChecks() {
    }

    /** The body, or a 400 naming {@code body} when the request had none. */
    static <T> T body(T body) {
        if (body == null) {
            throw ValidationException.of("body", REQUIRED);
        }
        return body;
    }

    /** The permissions as a set (null stays null: the service decides), or a 400 for too many or null elements. */
    static Set<String> permissions(List<String> permissions) {
        if (permissions == null) {
            return null;
        }
        if (permissions.size() > MAX_PERMISSIONS) {
            throw ValidationException.of("permissions", "must name at most " + MAX_PERMISSIONS + " permissions");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < permissions.size(); i++) {
            if (permissions.get(i) == null) {
                errors.add(new FieldError("permissions[" + i + "]", "must not be null"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new LinkedHashSet<>(permissions);
    }

    /** A path name as a 404 may repeat it: itself when it is plain, otherwise a placeholder. */
    static String shown(String name) {
        return name != null && SHOWN_NAME.matcher(name).matches() ? name : "(invalid name)";
    }
}
