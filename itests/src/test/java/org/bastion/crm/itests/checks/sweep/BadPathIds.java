package org.bastion.crm.itests.checks.sweep;

import java.util.List;
import java.util.Map;

/**
 * The bad values put in place of one path parameter, each as the raw (already percent-encoded) segment sent on the
 * wire: not a UUID, too long, encoded slashes and dots, NUL, unicode and bidi characters, broken percent-encoding,
 * injection strings and an empty segment.
 */
public final class BadPathIds {

    /** Longer than any id or name the API knows, yet well inside Jetty's request-line limit. */
    static final int TOO_LONG = 4_000;

    private static final List<Map.Entry<String, String>> SEGMENTS = List.of(
            Map.entry("not-a-uuid", "not-a-uuid"),
            Map.entry("zero", "0"),
            Map.entry("negative", "-1"),
            Map.entry("almost-uuid", "00000000-0000-4000-8000-00000000000g"),
            Map.entry("uuid-in-braces", "%7B00000000-0000-4000-8000-000000000000%7D"),
            Map.entry("too-long", "a".repeat(TOO_LONG)),
            Map.entry("encoded-slash", "a%2Fb"),
            Map.entry("encoded-backslash", "a%5Cb"),
            Map.entry("dot-dot", ".."),
            Map.entry("encoded-dot-dot", "%2E%2E"),
            Map.entry("dot-dot-slash-encoded", "..%2F..%2Fusers"),
            Map.entry("nul", "%00"),
            Map.entry("nul-inside", "a%00b"),
            Map.entry("unicode", "%C3%A9t%C3%A9-%E2%82%AC"),
            Map.entry("emoji", "%F0%9F%98%80"),
            Map.entry("bidi-override", "abc%E2%80%AEdef"),
            Map.entry("broken-percent", "%zz"),
            Map.entry("lone-percent", "%"),
            Map.entry("truncated-utf8", "%C3"),
            Map.entry("overlong-utf8", "%C0%AF"),
            Map.entry("encoded-surrogate", "%ED%A0%80"),
            Map.entry("sql-injection", "%27%20OR%20%271%27=%271"),
            Map.entry("semicolon-parameter", "x;jsessionid=1"),
            Map.entry("space", "%20"),
            Map.entry("empty", ""));

    private BadPathIds() {
    }

    /** Every bad segment, by a short name. */
    public static List<Map.Entry<String, String>> segments() {
        return SEGMENTS;
    }
}
