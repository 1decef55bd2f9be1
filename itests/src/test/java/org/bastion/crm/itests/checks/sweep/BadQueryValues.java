package org.bastion.crm.itests.checks.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bad query strings for one declared query parameter, each raw (already percent-encoded) as sent: wrong types,
 * negative, zero and huge numbers, the parameter repeated, empty or without a value, injection strings, NUL, bidi,
 * broken percent-encoding and an overlong value.
 */
public final class BadQueryValues {

    private static final List<Map.Entry<String, String>> VALUES = List.of(
            Map.entry("text", "abc"),
            Map.entry("negative", "-1"),
            Map.entry("zero", "0"),
            Map.entry("huge", "99999999999999999999999"),
            Map.entry("int-overflow", "2147483648"),
            Map.entry("fraction", "1.5"),
            Map.entry("exponent", "1e9"),
            Map.entry("sql-injection", "%27%20OR%201=1--"),
            Map.entry("sql-statement", "1%3BDROP%20TABLE%20contacts"),
            Map.entry("markup", "%3Cscript%3Ealert(1)%3C/script%3E"),
            Map.entry("wildcard", "%25"),
            Map.entry("sort-punctuation", "-,+,,"),
            Map.entry("nul", "a%00b"),
            Map.entry("bidi-override", "abc%E2%80%AEdef"),
            Map.entry("broken-percent", "%zz"),
            Map.entry("encoded-surrogate", "%ED%A0%80"),
            Map.entry("too-long", "9".repeat(4_000)));

    private BadQueryValues() {
    }

    /** Every bad query string for parameter {@code name} (already encoded), by a short name. */
    public static List<Map.Entry<String, String>> of(String name) {
        List<Map.Entry<String, String>> queries = new ArrayList<>();
        for (Map.Entry<String, String> value : VALUES) {
            queries.add(Map.entry(value.getKey(), name + "=" + value.getValue()));
        }
        queries.add(Map.entry("repeated", name + "=1&" + name + "=2"));
        queries.add(Map.entry("repeated-conflicting", name + "=abc&" + name + "=-1"));
        queries.add(Map.entry("empty", name + "="));
        queries.add(Map.entry("no-value", name));
        return queries;
    }
}
