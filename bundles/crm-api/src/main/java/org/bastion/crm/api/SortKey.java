package org.bastion.crm.api;

import java.util.List;
import java.util.Objects;

/**
 * One sort criterion: a field name and a direction, written {@code field} or {@code -field} (descending) on the wire.
 *
 * @param field the field to sort by
 * @param ascending whether the order is ascending
 */
public record SortKey(String field, boolean ascending) {

    public SortKey {
        Objects.requireNonNull(field, "field");
    }

    /** Parses a comma list of keys such as {@code "lastName,-createdAt"}; a leading {@code -} means descending. */
    public static List<SortKey> parseList(String spec) {
        if (spec == null || spec.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(spec.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> s.startsWith("-") ? new SortKey(s.substring(1), false)
                        : new SortKey(s.startsWith("+") ? s.substring(1) : s, true))
                .toList();
    }

    @Override
    public String toString() {
        return ascending ? field : "-" + field;
    }
}
