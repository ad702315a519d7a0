package dev.cairn.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One run's config and summary, flattened to dotted leaf names without the {@code config.} / {@code summary.}
 * prefix: what analyses across runs (parameter importance, ...) read.
 *
 * <pre>{@code
 * for (RunLeaves run : runs.leaves("alice", "mnist", "{\"state\":\"finished\"}", 10_000)) {
 *     JsonNode lr = run.config().get("optimizer.lr");
 * }
 * }</pre>
 */
public record RunLeaves(String id, String name, Map<String, JsonNode> config, Map<String, JsonNode> summary) {
}
