package org.bastion.crm.support.jpa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.persistence.Query;

import org.bastion.crm.api.SortKey;

/**
 * Builds the WHERE and ORDER BY of a search query from parts, every value bound as a parameter (never concatenated).
 * One filter serves one query: {@code filter.where()} goes into the JPQL, {@code filter.bindTo(query)} binds it.
 */
public final class JpqlFilter {

    /** The LIKE escape character used by {@link #contains(String)} patterns. */
    public static final String LIKE_ESCAPE = " ESCAPE '!'";

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** Binds a value and returns its placeholder, such as {@code :p0}. */
    public String bind(Object value) {
        String name = "p" + parameters.size();
        parameters.put(name, value);
        return ":" + name;
    }

    /** Adds a condition every result must meet. */
    public void require(String clause) {
        clauses.add(clause);
    }

    /** Adds {@code path IN (:values)}, every value bound; an empty collection can match nothing. */
    public void requireIn(String path, Collection<?> values) {
        if (values.isEmpty()) {
            clauses.add("1 = 0");
            return;
        }
        clauses.add(path + " IN " + values.stream().map(this::bind).collect(Collectors.joining(", ", "(", ")")));
    }

    /** The WHERE clause (with a leading space), or empty when nothing is required. */
    public String where() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** Binds every parameter to the query. */
    public <Q extends Query> Q bindTo(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }

    /** A LIKE pattern matching values that contain {@code text} literally. */
    public static String contains(String text) {
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** The ORDER BY clause for validated sort keys, each mapped to an entity attribute path. */
    public static String orderBy(List<SortKey> order, Map<String, String> attributes) {
        return " ORDER BY " + order.stream()
                .map(key -> attributes.get(key.field()) + (key.ascending() ? " ASC" : " DESC"))
                .collect(Collectors.joining(", "));
    }
}
