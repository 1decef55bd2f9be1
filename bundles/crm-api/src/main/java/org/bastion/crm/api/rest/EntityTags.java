package org.bastion.crm.api.rest;

import java.util.OptionalLong;

/** Turns a record's optimistic-locking version into its strong HTTP ETag ({@code "7"}) and back. */
public final class EntityTags {

    private EntityTags() {
    }

    /** The ETag of a record at {@code version}, quotes included, as the {@code ETag} header carries it. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version a strong ETag names; empty for weak tags ({@code W/"7"}) and anything not made by {@link #of}. */
    public static OptionalLong versionOf(String etag) {
        if (etag == null || etag.length() < 3 || !etag.startsWith("\"") || !etag.endsWith("\"")) {
            return OptionalLong.empty();
        }
        String digits = etag.substring(1, etag.length() - 1);
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(digits));
    }
}
