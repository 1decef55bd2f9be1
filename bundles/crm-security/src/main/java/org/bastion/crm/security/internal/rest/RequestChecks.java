package org.bastion.crm.security.internal.rest;

import java.util.ArrayList;
import java.util.List;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;

/**
 * Collects what is wrong with a request body before a service sees it: missing fields, and usernames or passwords
 * over their maximum length (refused before any hashing), every problem at once.
 */
final class RequestChecks {

    /** The longest username accepted. */
    static final int MAX_USERNAME = 64;
    /** The longest password accepted (NIST SP 800-63B asks for at least 64). */
    static final int MAX_PASSWORD = 128;

    static final String REQUIRED = "is required";

    private final List<FieldError> errors = new ArrayList<>();

    private RequestChecks() {
    }

    /** The body, or a 400 naming {@code body} when the request had none. */
    static <T> T body(T body) {
        if (body == null) {
            throw ValidationException.of("body", REQUIRED);
        }
        return body;
    }

    /** A new, empty set of checks. */
    static RequestChecks start() {
        return new RequestChecks();
    }

    /** Requires {@code value}. */
    RequestChecks required(String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, REQUIRED));
        }
        return this;
    }

    /** Requires {@code value} and limits it to {@code max} characters. */
    RequestChecks required(String field, String value, int max) {
        required(field, value);
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        return this;
    }

    /** Requires a password of at most {@link #MAX_PASSWORD} characters. */
    RequestChecks password(String field, String value) {
        return required(field, value, MAX_PASSWORD);
    }

    /** Refuses null elements of an optional list. */
    RequestChecks noNullElements(String field, List<?> values) {
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == null) {
                    errors.add(new FieldError(field + "[" + i + "]", "must not be null"));
                }
            }
        }
        return this;
    }

    /** Throws one {@link ValidationException} listing every problem found, if any. */
    void verify() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
