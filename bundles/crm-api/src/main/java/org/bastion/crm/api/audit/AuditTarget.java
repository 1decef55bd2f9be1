package org.bastion.crm.api.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a recorded action was done to: a kind of thing (such as {@code contact}, {@code user}, {@code role},
 * {@code key}, {@code configuration}, {@code bundle}) and its id.
 *
 * @param kind lower-case letters, digits and dashes, at most 40 characters
 * @param id the thing's id, 1 to 200 characters
 */
public record AuditTarget(String kind, String id) {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public AuditTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("target kind must match " + KIND.pattern() + ": " + kind);
        }
        if (id.isEmpty() || id.length() > 200) {
            throw new IllegalArgumentException("target id must have 1 to 200 characters");
        }
    }

    @Override
    public String toString() {
        return kind + "/" + id;
    }
}
