package org.bastion.crm.contacts.internal;

import java.util.ArrayList;
import java.util.List;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;

/**
 * Checks the text filters of a contact or company search (search text, tag, owner) before they reach a query: a
 * control character (C0, DEL, C1) can match no stored value, and a NUL makes PostgreSQL fail the whole statement.
 */
final class SearchFilters {

    static final String CONTROL_CHARACTER = "must not contain control characters";

    private SearchFilters() {
    }

    /** Returns if no filter holds a control character; else throws one 400 naming each such filter. */
    static void requirePrintable(String text, String tag, String owner) {
        List<FieldError> errors = new ArrayList<>();
        check("q", text, errors);
        check("tag", tag, errors);
        check("owner", owner, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static void check(String field, String value, List<FieldError> errors) {
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, CONTROL_CHARACTER));
        }
    }
}
