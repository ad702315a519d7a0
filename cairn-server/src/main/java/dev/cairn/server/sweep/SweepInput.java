package dev.cairn.server.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.json.Json;
import dev.cairn.core.sweep.SweepConfig;
import dev.cairn.core.sweep.SweepConfigException;
import dev.cairn.server.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The validated body of {@code POST /sweeps/{entity}/{project}}: the sweep file ({@code config} as a JSON
 * object or {@code config_text} as YAML/JSON text), {@code notes} and {@code retries}.
 *
 * <pre>{@code
 * SweepInput input = SweepInput.forCreate(Json.mapper().readTree("{\"config_text\":\"method: grid\\n...\"}"));
 * input.config().method();   // GRID
 * }</pre>
 */
record SweepInput(SweepConfig config, ObjectNode configJson, String notes, int retries) {
    static final int DEFAULT_RETRIES = 1;
    static final int MAX_RETRIES = 100;
    static final int MAX_NOTES_BYTES = 100 * 1024;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    static SweepInput forCreate(JsonNode body) {
        requireObject(body);
        JsonNode config = body.get("config");
        JsonNode text = body.get("config_text");
        boolean hasConfig = config != null && !config.isNull();
        boolean hasText = text != null && !text.isNull();
        if (hasConfig == hasText) {
            throw new ApiException.BadRequest("send the sweep file either as \"config\" (a JSON object) or as"
                    + " \"config_text\" (its YAML or JSON text), " + (hasConfig ? "not both" : "one of them is missing"));
        }
        SweepConfig parsed;
        JsonNode decoded;
        try {
            if (hasConfig) {
                if (!config.isObject()) {
                    throw new ApiException.BadRequest("config must be the sweep file as a JSON object such as"
                            + " {\"method\":\"grid\",\"parameters\":{...}}, not " + abbreviate(config));
                }
                parsed = SweepConfig.fromMap(Json.mapper().convertValue(config, MAP));
                decoded = config;
            } else {
                if (!text.isTextual()) {
                    throw new ApiException.BadRequest("config_text must be the sweep file's text, not " + abbreviate(text));
                }
                parsed = SweepConfig.parse(text.textValue());
                decoded = SweepFileText.decode(text.textValue());
            }
        } catch (SweepConfigException e) {
            throw new ApiException.BadRequest(e.getMessage());
        }
        return new SweepInput(parsed, (ObjectNode) decoded, notes(body), retries(body));
    }

    /** The notes of a {@code PATCH}; 400 unless the body is an object with a {@code notes} string. */
    static String notesForUpdate(JsonNode body) {
        requireObject(body);
        String notes = notes(body);
        if (!body.has("notes")) {
            throw new ApiException.BadRequest("nothing to update: send {\"notes\":\"...\"}");
        }
        return notes;
    }

    private static String notes(JsonNode body) {
        JsonNode notes = body.get("notes");
        if (notes == null || notes.isNull()) {
            return "";
        }
        if (!notes.isTextual()) {
            throw new ApiException.BadRequest("notes must be a string, not " + abbreviate(notes));
        }
        int bytes = notes.textValue().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NOTES_BYTES) {
            throw new ApiException.BadRequest("notes are " + bytes + " bytes; at most " + MAX_NOTES_BYTES
                    + " bytes (100 KB) are allowed");
        }
        return notes.textValue();
    }

    private static int retries(JsonNode body) {
        JsonNode retries = body.get("retries");
        if (retries == null || retries.isNull()) {
            return DEFAULT_RETRIES;
        }
        if (!retries.canConvertToInt() || !retries.isIntegralNumber() || retries.intValue() < 0
                || retries.intValue() > MAX_RETRIES) {
            throw new ApiException.BadRequest("retries must be a whole number from 0 to " + MAX_RETRIES
                    + " (how often a crashed grid point is handed out again), not " + abbreviate(retries));
        }
        return retries.intValue();
    }

    private static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiException.BadRequest("the body must be a JSON object, not "
                    + (body == null ? "empty" : abbreviate(body)));
        }
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
