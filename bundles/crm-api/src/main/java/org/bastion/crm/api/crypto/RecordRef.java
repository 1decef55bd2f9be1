package org.bastion.crm.api.crypto;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names one record whose personal fields are encrypted under a key of its own: a kind owned by one bundle (such as
 * {@code contact}) and the record's id within it.
 *
 * @param kind lower-case letters, digits and dashes, at most 40 characters
 * @param id the record's id, 1 to 100 characters
 */
public record RecordRef(String kind, String id) {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public RecordRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("record kind must match " + KIND.pattern() + ": " + kind);
        }
        if (id.isEmpty() || id.length() > 100) {
            throw new IllegalArgumentException("record id must have 1 to 100 characters");
        }
    }

    @Override
    public String toString() {
        return kind + "/" + id;
    }
}
