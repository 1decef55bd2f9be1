package org.bastion.crm.api.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.ValidationException;

/** Reads the {@code page}, {@code size} and {@code sort} query parameters and writes the paging links of a list body. */
public final class Paging {

    private Paging() {
    }

    /**
     * The page request the raw query parameters ask for: page defaults to 0, size to {@value PageRequest#DEFAULT_SIZE}.
     *
     * @throws ValidationException naming {@code page}, {@code size} or both when they are not whole numbers in range
     */
    public static PageRequest request(String page, String size, String sort) {
        List<FieldError> errors = new ArrayList<>();
        int pageNumber = parse("page", page, 0, errors);
        int pageSize = parse("size", size, PageRequest.DEFAULT_SIZE, errors);
        if (errors.isEmpty() && pageNumber < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (errors.isEmpty() && (pageSize < 1 || pageSize > PageRequest.MAX_SIZE)) {
            errors.add(new FieldError("size", "must be between 1 and " + PageRequest.MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new PageRequest(pageNumber, pageSize, SortKey.parseList(sort));
    }

    /**
     * The links of a page: {@code self}, {@code first}, {@code last}, and {@code prev}/{@code next} where such pages
     * exist; each is the request URI with its {@code page} and {@code size} parameters replaced.
     */
    public static Map<String, String> links(URI requestUri, Page<?> page) {
        long last = page.pageCount() - 1;
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", withPage(requestUri, page.page(), page.size()));
        links.put("first", withPage(requestUri, 0, page.size()));
        if (page.hasPrevious()) {
            links.put("prev", withPage(requestUri, Math.min(page.page() - 1, last), page.size()));
        }
        if (page.hasNext()) {
            links.put("next", withPage(requestUri, page.page() + 1, page.size()));
        }
        links.put("last", withPage(requestUri, last, page.size()));
        return links;
    }

    /** The whole list body of a page: items, total, page, size and links. */
    public static <T> PageBody<T> body(URI requestUri, Page<T> page) {
        return new PageBody<>(page.items(), page.total(), page.page(), page.size(), links(requestUri, page));
    }

    private static int parse(String field, String value, int fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a whole number"));
            return fallback;
        }
    }

    private static String withPage(URI uri, long page, int size) {
        StringBuilder query = new StringBuilder();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String parameter : raw.split("&")) {
                if (!parameter.isEmpty() && !parameter.startsWith("page=") && !parameter.equals("page")
                        && !parameter.startsWith("size=") && !parameter.equals("size")) {
                    query.append(parameter).append('&');
                }
            }
        }
        query.append("page=").append(page).append("&size=").append(size);
        String base = uri.toString();
        int cut = base.indexOf('?');
        if (cut < 0) {
            cut = base.indexOf('#');
        }
        return (cut < 0 ? base : base.substring(0, cut)) + "?" + query;
    }
}
