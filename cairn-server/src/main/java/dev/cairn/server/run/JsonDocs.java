package dev.cairn.server.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.json.Json;
import java.util.Iterator;
import java.util.Map;

/** The JSON documents of a run (config, summary, metadata): stored as text, merged key by key, flattened. */
final class JsonDocs {
    private JsonDocs() {
    }

    /** Parses a stored document; the store only ever holds objects. */
    static ObjectNode parseObject(String text) {
        try {
            JsonNode node = Json.mapper().readTree(text == null || text.isEmpty() ? "{}" : text);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new IllegalStateException("stored document is not a JSON object: " + abbreviate(text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored document is not valid JSON: " + abbreviate(text), e);
        }
    }

    static ObjectNode emptyObject() {
        return Json.mapper().createObjectNode();
    }

    static String write(JsonNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * Merges {@code changes} into a copy of {@code base} at the top level: a key in {@code changes} replaces
     * the key in {@code base}, and a {@code null} value removes it (the {@code config} record's rule).
     */
    static ObjectNode merge(ObjectNode base, ObjectNode changes) {
        ObjectNode merged = base.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = changes.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                merged.remove(field.getKey());
            } else {
                merged.set(field.getKey(), field.getValue());
            }
        }
        return merged;
    }

    /**
     * Adds every leaf of {@code node} to {@code leaves} under its dotted name below {@code prefix}: objects
     * are descended, arrays and scalars are leaves, nulls are left out. A later duplicate name wins.
     */
    static void flatten(String prefix, JsonNode node, Map<String, JsonNode> leaves) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix + "." + field.getKey(), field.getValue(), leaves);
            }
            return;
        }
        leaves.remove(prefix);
        leaves.put(prefix, node);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
