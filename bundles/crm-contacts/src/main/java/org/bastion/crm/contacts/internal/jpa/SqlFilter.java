package org.bastion.crm.contacts.internal.jpa;

import java.util.ArrayList;
import java.util.List;

/** Builds the WHERE clause of an SQL search from parts, every value bound as a positional parameter (never concatenated). */
final class SqlFilter {

    private final List<String> clauses = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    /** Adds a condition every result must meet, with one {@code ?} per value. */
    void require(String clause, Object... boundValues) {
        clauses.add(clause);
        values.addAll(List.of(boundValues));
    }

    /**
     * Adds a condition whose {@code %s} stands for a list of values; an empty list can match nothing.
     */
    void requireIn(String clause, List<?> listValues) {
        if (listValues.isEmpty()) {
            clauses.add("1 = 0");
            return;
        }
        clauses.add(String.format(clause, ChildRows.placeholders(listValues.size())));
        values.addAll(listValues);
    }

    /** The WHERE clause (with a leading space), or empty when nothing is required. */
    String where() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** The values to bind, in the order of their placeholders. */
    List<Object> values() {
        return List.copyOf(values);
    }
}
