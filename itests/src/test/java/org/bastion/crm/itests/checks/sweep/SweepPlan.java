package org.bastion.crm.itests.checks.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every case of one operation: each {@link BadBodies bad body} on the operation's real path, each {@link BadPathIds
 * bad segment} in place of each path parameter, each {@link BadQueryValues bad query} for each declared query
 * parameter, three bad values for each declared header; and a sample of them again without a token (every
 * {@value #ANONYMOUS_EVERY}th body and the first two path and query cases).
 */
public final class SweepPlan {

    /** One body case in this many is also sent anonymously. */
    static final int ANONYMOUS_EVERY = 10;

    private static final List<Map.Entry<String, String>> BAD_HEADER_VALUES = List.of(
            Map.entry("unterminated-quote", "\"sweep"),
            Map.entry("weak-prefix-only", "W/"),
            Map.entry("too-long", "\"" + "9".repeat(4_000) + "\""));

    private SweepPlan() {
    }

    /**
     * The cases of {@code operation}, whose path parameters take the raw (encoded) values of {@code pathValues}
     * where they are not the bad part.
     */
    public static List<SweepCase> casesOf(SweepOperation operation, Map<String, String> pathValues) {
        return casesOf(operation, pathValues, Map.of());
    }

    /**
     * The cases of {@code operation} as {@link #casesOf(SweepOperation, Map)}, with bodies derived from a sample that
     * takes the {@code known} valid values of top-level properties.
     */
    public static List<SweepCase> casesOf(SweepOperation operation, Map<String, String> pathValues,
            Map<String, JsonNode> known) {
        String path = path(operation, pathValues, null, null);
        List<SweepCase> cases = new ArrayList<>();
        List<SweepCase> anonymous = new ArrayList<>();
        List<BadBody> bodies = BadBodies.of(operation, known);
        for (int i = 0; i < bodies.size(); i++) {
            BadBody body = bodies.get(i);
            SweepCase bodyCase = new SweepCase(operation, SweepCase.Kind.BODY, "body:" + body.name(), false, path,
                    body.contentType(), body.bytes(), List.of(), operation.takesBody() && body.mustBeRefused());
            cases.add(bodyCase);
            if (i % ANONYMOUS_EVERY == 0) {
                anonymous.add(bodyCase.asAnonymous());
            }
        }
        byte[] sample = operation.takesBody()
                ? SampleValues.of(operation.bodySchema(), known).toString().getBytes(StandardCharsets.UTF_8) : null;
        String sampleType = operation.takesBody() ? operation.bodyMediaType() : null;
        for (String parameter : operation.pathParameters()) {
            int n = 0;
            for (Map.Entry<String, String> segment : BadPathIds.segments()) {
                SweepCase pathCase = new SweepCase(operation, SweepCase.Kind.PATH,
                        "path:" + parameter + ":" + segment.getKey(), false,
                        path(operation, pathValues, parameter, segment.getValue()), sampleType, sample, List.of(), false);
                cases.add(pathCase);
                if (n++ < 2) {
                    anonymous.add(pathCase.asAnonymous());
                }
            }
        }
        for (String parameter : operation.queryParameters()) {
            int n = 0;
            for (Map.Entry<String, String> query : BadQueryValues.of(parameter)) {
                SweepCase queryCase = new SweepCase(operation, SweepCase.Kind.QUERY,
                        "query:" + parameter + ":" + query.getKey(), false, path + "?" + query.getValue(),
                        sampleType, sample, List.of(), false);
                cases.add(queryCase);
                if (n++ < 2) {
                    anonymous.add(queryCase.asAnonymous());
                }
            }
        }
        for (String header : operation.headerParameters()) {
            for (Map.Entry<String, String> value : BAD_HEADER_VALUES) {
                cases.add(new SweepCase(operation, SweepCase.Kind.HEADER, "header:" + header + ":" + value.getKey(),
                        false, path, sampleType, sample, List.of(header, value.getValue()), false));
            }
        }
        cases.addAll(anonymous);
        return cases;
    }

    /** The template with each parameter replaced by its value, or {@code parameter} by {@code badValue}. */
    static String path(SweepOperation operation, Map<String, String> pathValues, String parameter, String badValue) {
        String path = operation.pathTemplate();
        for (String name : operation.pathParameters()) {
            String value = name.equals(parameter) ? badValue : pathValues.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no value for path parameter " + name + " of " + operation);
            }
            path = path.replaceFirst("\\{" + java.util.regex.Pattern.quote(name) + "(:[^}]*)?}",
                    java.util.regex.Matcher.quoteReplacement(value));
        }
        return path;
    }
}
