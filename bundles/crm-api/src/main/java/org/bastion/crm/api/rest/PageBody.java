package org.bastion.crm.api.rest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON body of every paged list the REST API returns.
 *
 * @param items the items of this page
 * @param total how many items match over all pages
 * @param page the zero-based page number
 * @param size the page size
 * @param links {@code self}, {@code first}, {@code prev}, {@code next}, {@code last} (prev and next only where they exist)
 * @param <T> the item type
 */
public record PageBody<T>(List<T> items, long total, int page, int size, Map<String, String> links) {

    public PageBody {
        items = List.copyOf(items);
        links = Collections.unmodifiableMap(new LinkedHashMap<>(links));
    }
}
