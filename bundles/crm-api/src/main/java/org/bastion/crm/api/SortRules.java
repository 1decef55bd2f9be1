package org.bastion.crm.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Checks requested sort keys against the fields a list may be sorted by, and makes every order total (by id last). */
public final class SortRules {

    /** The field that ends every order, so that paging is stable. */
    public static final String ID = "id";

    private SortRules() {
    }

    /**
     * The order to use: the requested keys (or the defaults when none are requested), then {@code id}.
     *
     * @throws ValidationException on field {@code sort} naming every unknown or repeated field
     */
    public static List<SortKey> resolve(List<SortKey> requested, Set<String> allowed, List<SortKey> defaults) {
        List<SortKey> order = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (SortKey key : requested.isEmpty() ? defaults : requested) {
            if (!allowed.contains(key.field()) && !ID.equals(key.field())) {
                problems.add("unknown sort field '" + key.field() + "'");
            } else if (!seen.add(key.field())) {
                problems.add("sort field '" + key.field() + "' appears twice");
            } else {
                order.add(key);
            }
        }
        if (!problems.isEmpty()) {
            throw ValidationException.of("sort", String.join("; ", problems) + " (allowed: "
                    + String.join(", ", new TreeSet<>(allowed)) + ", id)");
        }
        if (!seen.contains(ID)) {
            order.add(new SortKey(ID, true));
        }
        return order;
    }
}
