package org.bastion.crm.audit.internal.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bastion.crm.api.crypto.RecordRef;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the JSON columns of an entry back: {@code details} (an object of texts) and {@code changes} (an array of
 * {@code {"field", "old", "new", "protection", "record"}} objects: protection {@code plain}, {@code encrypted}
 * (values are ciphertexts under the key of {@code record}, {@code kind/id}) or {@code withheld} (a personal change
 * stored without values)). A column that cannot be read yields an empty result rather than an error, so one
 * damaged row never hides the rest of a page (verification is what reports damage).
 */
public final class StoredJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredJson() {
    }

    /** The details of {@code json}, values as text, in their stored order. */
    public static Map<String, String> details(String json) {
        Map<String, String> details = new LinkedHashMap<>();
        JsonNode node = read(json);
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(field -> details.put(field.getKey(), text(field.getValue())));
        }
        return details;
    }

    /** The field changes of {@code json}, in their stored order. */
    public static List<StoredChange> changes(String json) {
        List<StoredChange> changes = new ArrayList<>();
        JsonNode node = read(json);
        if (node == null || !node.isArray()) {
            return changes;
        }
        for (JsonNode change : node) {
            String field = text(change.get("field"));
            if (field != null && !field.isEmpty()) {
                changes.add(new StoredChange(field, text(change.get("old")), text(change.get("new")),
                        record(change.get("record")), "withheld".equals(text(change.get("protection")))));
            }
        }
        return changes;
    }

    private static RecordRef record(JsonNode node) {
        try {
            if (node == null || node.isNull()) {
                return null;
            }
            String text = node.asText();
            int slash = text.indexOf('/');
            return slash < 1 ? null : new RecordRef(text.substring(0, slash), text.substring(slash + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static JsonNode read(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }
}
