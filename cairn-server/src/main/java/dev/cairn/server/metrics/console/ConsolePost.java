package dev.cairn.server.metrics.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.http.ApiException;

/**
 * The body of {@code POST /runs/{entity}/{project}/{run}/console}, which agents use to send a child process's
 * output: {@code {"lines":[{"stream":"stdout","line":0,"text":"..."}]}}. Each line is checked as a console
 * record is (stream stdout or stderr, a non-negative line number, text a string; NUL shown as U+FFFD), and
 * nothing is written when one is bad. The same line number replaces the earlier text, so a retried post
 * changes nothing.
 *
 * <pre>{@code
 * ConsoleLines.Batch batch = ConsolePost.parse(Json.mapper().readTree(body), nowMicros);
 * }</pre>
 */
public final class ConsolePost {
    public static final int MAX_LINES = 10_000;

    private ConsolePost() {
    }

    /** The lines of the body, stamped {@code timeMicros}; 400 naming the first bad line and field. */
    public static ConsoleLines.Batch parse(JsonNode body, long timeMicros) {
        JsonNode lines = body == null ? null : body.get("lines");
        if (lines == null || !lines.isArray()) {
            throw new ApiException.BadRequest("the body must be {\"lines\":[{\"stream\":\"stdout\",\"line\":0,"
                    + "\"text\":\"...\"}]}");
        }
        if (lines.size() > MAX_LINES) {
            throw new ApiException.PayloadTooLarge("at most " + MAX_LINES + " console lines per post; got "
                    + lines.size() + ", send them in several posts");
        }
        ConsoleLines.Batch batch = new ConsoleLines.Batch();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            String stream = line.path("stream").asText(null);
            require(i, "stdout".equals(stream) || "stderr".equals(stream), "stream", "\"stdout\" or \"stderr\"");
            JsonNode number = line.path("line");
            require(i, number.isIntegralNumber() && number.canConvertToLong() && number.longValue() >= 0, "line",
                    "a non-negative integer (0-based line number)");
            require(i, line.path("text").isTextual(), "text", "a string");
            // PostgreSQL text cannot hold NUL; a terminal would not show it either
            batch.put(number.longValue(), stream, timeMicros, line.get("text").textValue().replace('\0', '\uFFFD'));
        }
        return batch;
    }

    private static void require(int index, boolean ok, String field, String expected) {
        if (!ok) {
            throw new ApiException.BadRequest("lines[" + index + "]: field '" + field + "' must be " + expected
                    + "; nothing of this post was written");
        }
    }
}
