package org.bastion.crm.api;

import java.util.Objects;

/**
 * A validation failure on one field of an input, named by its JSON path (for example {@code emails[1].address}).
 *
 * @param field the path of the offending field
 * @param message what is wrong, in words a user understands
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
