package org.bastion.crm.rest.internal.whiteboard;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One resource method's operation as its annotations declare it: the HTTP methods and the path template, matched
 * against a request's raw (never decoded) path relative to the application, fail closed.
 *
 * <p>A literal segment matches only itself, spelled as written; a template parameter ({@code {file}}, or
 * {@code {file: regex}} whose regex the segment must also match) matches one segment of letters, digits, {@code -} and
 * {@code _} in dot-separated parts (never empty, {@code .} or {@code ..}, never percent-encoded, never with a matrix
 * parameter). A template this cannot express (a parameter inside a segment, a regex spanning segments) matches nothing.
 *
 * @param methods the HTTP methods, upper case ({@code GET} brings {@code HEAD})
 * @param segments the template's segments; null when it matches nothing
 * @param trailingSlash whether the path with one trailing slash matches too
 * @param where the resource method, for logs
 */
public record DeclaredOperation(Set<String> methods, List<String> segments, boolean trailingSlash, String where) {

    /** One safe segment a template parameter may take. */
    static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*");

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*[A-Za-z0-9_][A-Za-z0-9_.-]*\\s*(?::\\s*(.*?)\\s*)?}");

    public DeclaredOperation {
        methods = Set.copyOf(methods);
        segments = segments == null ? null : List.copyOf(segments);
    }

    /** Whether {@code method} on the raw relative {@code path} is this operation, spelled exactly. */
    public boolean matches(String method, String path) {
        if (segments == null || method == null || path == null || !methods.contains(method)) {
            return false;
        }
        String exact = trailingSlash && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String[] parts = exact.split("/", -1);
        if (exact.isEmpty() ? !segments.isEmpty() : parts.length != segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            if (!segmentMatches(segments.get(i), parts[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean segmentMatches(String template, String raw) {
        if (raw.isEmpty()) {
            return false;
        }
        java.util.regex.Matcher parameter = PARAMETER.matcher(template);
        if (!parameter.matches()) {
            return template.equals(raw);
        }
        if (!SAFE_SEGMENT.matcher(raw).matches()) {
            return false;
        }
        String regex = parameter.group(1);
        try {
            return regex == null || regex.isEmpty() || Pattern.compile(regex).matcher(raw).matches();
        } catch (java.util.regex.PatternSyntaxException e) {
            return false;
        }
    }

    /** The path of a resource method: its class's {@code @Path} and its own, each without outer slashes. */
    static String join(String typePath, String methodPath) {
        String type = trim(typePath);
        String method = trim(methodPath);
        return type.isEmpty() ? method : method.isEmpty() ? type : type + "/" + method;
    }

    private static String trim(String path) {
        return path.replaceAll("^/+", "").replaceAll("/+$", "");
    }

    /** The segments of a joined path template, or null when one of them mixes text and a parameter or is empty. */
    static List<String> segmentsOf(String template) {
        String trimmed = trim(template);
        if (trimmed.isEmpty()) {
            return List.of();
        }
        String[] parts = trimmed.split("/", -1);
        for (String part : parts) {
            if (part.isEmpty() || (part.contains("{") || part.contains("}")) && !PARAMETER.matcher(part).matches()) {
                return null;
            }
        }
        return List.of(parts);
    }
}
