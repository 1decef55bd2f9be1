package org.bastion.crm.api;

import java.util.List;

/**
 * One page of a result list, with the total number of matches.
 *
 * @param items the items of this page, in the requested order
 * @param total how many items match the query over all pages
 * @param page the zero-based page number
 * @param size the requested page size
 * @param <T> the item type
 */
public record Page<T>(List<T> items, long total, int page, int size) {

    public Page {
        items = List.copyOf(items);
        if (page < 0 || size < 1 || total < 0) {
            throw new IllegalArgumentException("invalid page: page=" + page + " size=" + size + " total=" + total);
        }
    }

    /** The number of pages the total spans (at least 1). */
    public long pageCount() {
        return Math.max(1, (total + size - 1) / size);
    }

    /** Whether a page follows this one. */
    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    /** Whether a page precedes this one. */
    public boolean hasPrevious() {
        return page > 0;
    }
}
