package org.bastion.crm.itests.checks.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Plausible values for a resolved schema: the shape a well-meaning client would send (every writable property, each
 * with a value of its type and format, or the value a table of known-valid values gives for a top-level property of
 * that name), which the bad bodies then break one way at a time: the closer the sample is to a valid body, the deeper
 * each bad part reaches. Read-only properties are left out; nesting is bounded.
 */
public final class SampleValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 4;

    private SampleValues() {
    }

    /** A sample of {@code schema}; an object with one text member when there is no schema. */
    public static JsonNode of(JsonNode schema) {
        return of(schema, Map.of());
    }

    /**
     * A sample of {@code schema} whose top-level properties named in {@code known} take those values instead (a
     * {@link com.fasterxml.jackson.databind.node.MissingNode} leaves the property out).
     */
    public static JsonNode of(JsonNode schema, Map<String, JsonNode> known) {
        if (schema == null || schema.isMissingNode() || schema.isNull()) {
            return NODES.objectNode().put("name", "sweep");
        }
        JsonNode sample = sample(schema, 0);
        if (sample instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> property : properties(schema)) {
                JsonNode value = known.get(property.getKey());
                if (value != null && value.isMissingNode()) {
                    object.remove(property.getKey());
                } else if (value != null) {
                    object.set(property.getKey(), value.deepCopy());
                }
            }
        }
        return sample;
    }

    /** The writable top-level properties of an object schema, with their schemas, in the document's order. */
    public static List<Map.Entry<String, JsonNode>> properties(JsonNode schema) {
        List<Map.Entry<String, JsonNode>> properties = new ArrayList<>();
        if (schema == null) {
            return properties;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> property = fields.next();
            if (!property.getValue().path("readOnly").asBoolean(false)) {
                properties.add(property);
            }
        }
        return properties;
    }

    /** The JSON type a schema declares ({@code object} when it says none but has properties, else {@code string}). */
    public static String typeOf(JsonNode schema) {
        String type = schema.path("type").asText("");
        if (!type.isEmpty()) {
            return type;
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    private static JsonNode sample(JsonNode schema, int depth) {
        if (schema.has("example") && !schema.get("example").isNull()) {
            return schema.get("example").deepCopy();
        }
        if (schema.path("enum").isArray() && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0).deepCopy();
        }
        return switch (typeOf(schema)) {
            case "object" -> object(schema, depth);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < MAX_DEPTH && schema.has("items")) {
                    array.add(sample(schema.get("items"), depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode(text(schema.path("format").asText("")));
        };
    }

    private static ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        if (depth >= MAX_DEPTH) {
            return object;
        }
        for (Map.Entry<String, JsonNode> property : properties(schema)) {
            object.set(property.getKey(), sample(property.getValue(), depth + 1));
        }
        return object;
    }

    private static String text(String format) {
        return switch (format) {
            case "email" -> "sweep@example.com";
            case "date" -> "1990-12-31";
            case "date-time" -> "2024-01-31T12:00:00Z";
            case "uuid" -> "00000000-0000-4000-8000-000000000000";
            case "uri", "url" -> "https://example.com/sweep";
            default -> "sweep";
        };
    }
}
