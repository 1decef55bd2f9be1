package org.bastion.crm.itests.checks.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every operation out of an OpenAPI 3 document: path-level and operation-level parameters, the request body's
 * first media type and its schema with {@code $ref}s to {@code #/components/schemas} resolved (to a bounded depth, so a
 * recursive schema cannot loop).
 */
public final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}/]+)}");
    private static final int MAX_REF_DEPTH = 8;

    private OpenApiOperations() {
    }

    /**
     * Every operation of {@code document}, in the document's order, but those that answer with an endless
     * {@code text/event-stream} (such as {@code GET /alerts/stream}: a sweep request would read it forever, heartbeats
     * keeping the socket's timeout from firing; the stream's own checks cover its refusals).
     */
    public static List<SweepOperation> of(JsonNode document) {
        List<SweepOperation> operations = new ArrayList<>();
        JsonNode schemas = document.path("components").path("schemas");
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode item = path.getValue();
            for (Iterator<Map.Entry<String, JsonNode>> fields = item.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (METHODS.contains(field.getKey()) && !streams(field.getValue())) {
                    operations.add(operation(field.getKey(), path.getKey(), item.path("parameters"), field.getValue(),
                            document, schemas));
                }
            }
        }
        return operations;
    }

    /** Whether an operation answers success with {@code text/event-stream}. */
    static boolean streams(JsonNode operation) {
        for (Iterator<Map.Entry<String, JsonNode>> answers = operation.path("responses").fields(); answers.hasNext(); ) {
            Map.Entry<String, JsonNode> answer = answers.next();
            boolean success = answer.getKey().startsWith("2") || answer.getKey().equals("default");
            if (success && answer.getValue().path("content").has("text/event-stream")) {
                return true;
            }
        }
        return false;
    }

    private static SweepOperation operation(String method, String template, JsonNode shared, JsonNode operation,
            JsonNode document, JsonNode schemas) {
        List<String> query = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (JsonNode parameters : List.of(shared, operation.path("parameters"))) {
            for (JsonNode parameter : parameters) {
                String name = parameter.path("name").asText();
                switch (parameter.path("in").asText()) {
                    case "query" -> addOnce(query, name);
                    case "header" -> addOnce(header, name);
                    default -> { }
                }
            }
        }
        // the template is the truth for path parameters (a document may leave one undeclared)
        List<String> pathParameters = new ArrayList<>();
        Matcher matcher = TEMPLATE_PARAMETER.matcher(template);
        while (matcher.find()) {
            pathParameters.add(matcher.group(1).split(":")[0].trim());
        }
        String mediaType = null;
        JsonNode schema = null;
        JsonNode content = operation.path("requestBody").path("content");
        Iterator<Map.Entry<String, JsonNode>> media = content.fields();
        if (media.hasNext()) {
            Map.Entry<String, JsonNode> first = media.next();
            mediaType = first.getKey();
            schema = first.getValue().has("schema") ? resolve(first.getValue().get("schema"), schemas, 0) : null;
        } else if (operation.has("requestBody")) {
            mediaType = "application/json";
        }
        boolean isPublic = operation.has("security") ? operation.get("security").isEmpty()
                : document.path("security").isEmpty();
        return new SweepOperation(method.toUpperCase(Locale.ROOT), template, pathParameters, query, header, mediaType,
                schema, isPublic);
    }

    private static void addOnce(List<String> names, String name) {
        if (!name.isEmpty() && !names.contains(name)) {
            names.add(name);
        }
    }

    /** A copy of {@code schema} with references replaced by the schemas they name (a cut-off depth leaves an object). */
    static JsonNode resolve(JsonNode schema, JsonNode schemas, int depth) {
        if (schema == null || !schema.isObject()) {
            return schema;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            JsonNode target = schemas.get(name);
            if (target == null || depth >= MAX_REF_DEPTH) {
                return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("type", "object");
            }
            return resolve(target, schemas, depth + 1);
        }
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        if (copy.has("properties")) {
            ObjectNode properties = copy.objectNode();
            schema.get("properties").fields().forEachRemaining(property ->
                    properties.set(property.getKey(), resolve(property.getValue(), schemas, depth + 1)));
            copy.set("properties", properties);
        }
        if (copy.has("items")) {
            copy.set("items", resolve(schema.get("items"), schemas, depth + 1));
        }
        for (String combined : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.path(combined).isArray() && !schema.get(combined).isEmpty()) {
                // the first alternative stands for the whole: enough to shape a sample
                copy.setAll((ObjectNode) resolve(schema.get(combined).get(0), schemas, depth + 1));
                copy.remove(combined);
            }
        }
        return copy;
    }
}
