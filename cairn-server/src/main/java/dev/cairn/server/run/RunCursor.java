package dev.cairn.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.json.Json;
import dev.cairn.server.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of a run list ended: the sort it belongs to, the sort segment, the last run's sort value
 * and its internal key. The next page starts strictly after it, so runs added meanwhile never shift a
 * page (no duplicates, no gaps). Clients see opaque base64url text.
 */
record RunCursor(String sortSpec, int segment, Object value, long pk) {

    String encode() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("s", sortSpec);
        node.put("g", segment);
        if (value instanceof Double d) {
            node.put("v", d);
        } else if (value instanceof Long l) {
            node.put("v", l);
        } else if (value instanceof String s) {
            node.put("v", s);
        }
        node.put("i", pk);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JsonDocs.write(node).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor given back by a client; 400 when it is damaged or belongs to another sort. */
    static RunCursor decode(String text, RunSort sort, int segmentCount) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(Base64.getUrlDecoder().decode(text.strip()));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid();
        }
        if (node == null || !node.path("s").isTextual() || !node.path("g").isInt() || !node.path("i").isIntegralNumber()) {
            throw invalid();
        }
        if (!node.get("s").textValue().equals(sort.spec())) {
            throw new ApiException.BadRequest("cursor belongs to a list sorted by '" + node.get("s").textValue()
                    + "', not '" + sort.spec() + "'; leave out cursor to start from the first page");
        }
        int segment = node.get("g").intValue();
        if (segment < 0 || segment >= segmentCount) {
            throw invalid();
        }
        JsonNode value = node.path("v");
        Object parsed = switch (valueKind(sort, segment)) {
            case NUMBER -> value.isNumber() ? value.doubleValue() : null;
            case LONG -> value.isIntegralNumber() ? value.longValue() : null;
            case TEXT -> value.isTextual() ? value.textValue() : null;
            case NONE -> null;
        };
        if (parsed == null && valueKind(sort, segment) != SortSegment.Kind.NONE) {
            throw invalid();
        }
        return new RunCursor(sort.spec(), segment, parsed, node.get("i").longValue());
    }

    private static SortSegment.Kind valueKind(RunSort sort, int segment) {
        return sort.segments(new Project(0, "", "")).get(segment).kind();
    }

    private static ApiException.BadRequest invalid() {
        return new ApiException.BadRequest("cursor is not one this server issued; pass the next_cursor of the previous"
                + " page unchanged, or leave it out to start from the first page");
    }
}
