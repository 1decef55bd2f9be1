package org.bastion.crm.contacts.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Tag rules shared by contacts and companies: trimmed, lower case, 1 to 50 characters, at most 50 per record. */
public final class Tags {

    public static final int MAX_LENGTH = 50;
    public static final int MAX_COUNT = 50;

    private Tags() {
    }

    /** The normalised tags (sorted); every broken rule is reported under {@code tags[i]} or {@code tags}. */
    public static Set<String> normalise(Collection<String> tags, Violations violations) {
        Set<String> result = new TreeSet<>();
        if (tags == null) {
            return result;
        }
        if (tags.size() > MAX_COUNT) {
            violations.add("tags", "at most " + MAX_COUNT + " tags are allowed");
            return result;
        }
        int index = 0;
        for (String tag : tags.stream().sorted(java.util.Comparator.nullsFirst(String::compareTo)).toList()) {
            String field = "tags[" + index++ + "]";
            String value = TextRules.line(tag, MAX_LENGTH, field, violations);
            if (value == null) {
                if (TextRules.trimToNull(tag) == null) {
                    violations.add(field, "must not be blank");
                }
                continue;
            }
            result.add(value.toLowerCase(Locale.ROOT));
        }
        return result;
    }

    /** A tag used as a search filter, normalised like stored tags; null when absent. */
    public static String filter(String tag) {
        String value = TextRules.trimToNull(tag);
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
