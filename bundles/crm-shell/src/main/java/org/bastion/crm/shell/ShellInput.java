package org.bastion.crm.shell;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.ValidationException;

/**
 * Parses what a shell user typed (ids, dates, paging, optional text) and reports bad input as a
 * {@link ValidationException} naming the option, which {@link CrmAction} prints as one {@code Error: ...} line.
 */
public final class ShellInput {

    private ShellInput() {
    }

    /** The UUID in {@code value}, or null when no value was given. */
    public static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            UUID id = UUID.fromString(value.trim());
            if (!id.toString().equalsIgnoreCase(value.trim())) {
                throw new IllegalArgumentException("not canonical");
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(field, "not a valid id (expected a UUID such as "
                    + "123e4567-e89b-12d3-a456-426614174000): '" + value + "'");
        }
    }

    /** The ISO date (yyyy-mm-dd) in {@code value}, or null when no value was given. */
    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, "not a valid date (expected yyyy-mm-dd): '" + value + "'");
        }
    }

    /** The page request for a one-based page number as users count pages, a size and a sort list. */
    public static PageRequest page(int oneBasedPage, int size, String sort) {
        if (oneBasedPage < 1) {
            throw ValidationException.of("page", "must be 1 or more");
        }
        List<SortKey> keys = SortKey.parseList(sort);
        return new PageRequest(oneBasedPage - 1, size, keys);
    }

    /** An empty or blank string as null, so that unset options do not filter. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
