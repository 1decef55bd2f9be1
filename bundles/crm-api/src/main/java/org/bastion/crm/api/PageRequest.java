package org.bastion.crm.api;

import java.util.List;

/**
 * Which page of a list to return and in what order.
 *
 * @param page zero-based page number
 * @param size items per page, 1 to {@link #MAX_SIZE}
 * @param sort sort keys, first one most significant; empty for the service's default order
 */
public record PageRequest(int page, int size, List<SortKey> sort) {

    /** The largest page a caller may ask for. */
    public static final int MAX_SIZE = 200;

    /** The page size used when the caller names none. */
    public static final int DEFAULT_SIZE = 20;

    public PageRequest {
        if (page < 0) {
            throw new ValidationException(List.of(new FieldError("page", "must be 0 or more")));
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new ValidationException(List.of(new FieldError("size", "must be between 1 and " + MAX_SIZE)));
        }
        sort = sort == null ? List.of() : List.copyOf(sort);
    }

    /** The first page of the default size, default order. */
    public static PageRequest first() {
        return new PageRequest(0, DEFAULT_SIZE, List.of());
    }

    /** The offset of the first item of this page. */
    public long offset() {
        return (long) page * size;
    }
}
