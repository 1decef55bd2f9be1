package org.bastion.crm.itests.checks.sweep;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what an answer must never show: a qualified Java name ({@code java.}, {@code javax.}, {@code jakarta.},
 * {@code org.}, {@code com.}, {@code sun.}, {@code jdk.} followed by more dotted parts), the word Exception, a stack
 * frame, or the names of the server's insides (Jetty, CXF, servlet pages), in a body or any header.
 */
public final class Leaks {

    private static final List<Map.Entry<String, Pattern>> PATTERNS = List.of(
            Map.entry("qualified Java name", Pattern.compile(
                    "\\b(?:java|javax|jakarta|org|com|sun|jdk)\\.[a-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)+")),
            Map.entry("exception", Pattern.compile("Exception|Throwable|Caused by:")),
            Map.entry("stack frame", Pattern.compile("\\bat [\\w$]+(?:\\.[\\w$<>]+)+\\(")),
            Map.entry("server internals", Pattern.compile(
                    "(?i)\\bjetty\\b|\\bcxf\\b|\\beclipse\\b|HTTP ERROR \\d{3}|\\bservlet\\b|Powered by")));

    private Leaks() {
    }

    /** What {@code text} reveals, as {@code "<kind>: <matched text>"}, or empty when it reveals nothing. */
    public static Optional<String> in(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<String, Pattern> pattern : PATTERNS) {
            Matcher matcher = pattern.getValue().matcher(text);
            if (matcher.find()) {
                return Optional.of(pattern.getKey() + ": " + matcher.group());
            }
        }
        return Optional.empty();
    }

    /** What the headers reveal (each checked as {@code Name: value}), or empty. */
    public static Optional<String> inHeaders(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            for (String value : header.getValue()) {
                Optional<String> leak = in(header.getKey() + ": " + value);
                if (leak.isPresent()) {
                    return Optional.of("header " + leak.get());
                }
            }
        }
        return Optional.empty();
    }
}
