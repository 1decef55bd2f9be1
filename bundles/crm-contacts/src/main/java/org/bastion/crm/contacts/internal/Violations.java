package org.bastion.crm.contacts.internal;

import java.util.ArrayList;
import java.util.List;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;

/** Collects every broken rule of one input, so that the caller learns about all of them at once. */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    /** Records that {@code field} (a JSON path such as {@code emails[1].address}) breaks a rule. */
    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws a {@link ValidationException} carrying every recorded error, if there is any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
