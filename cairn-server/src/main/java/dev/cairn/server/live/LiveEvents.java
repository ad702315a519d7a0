package dev.cairn.server.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.json.Json;
import dev.cairn.server.run.RunKey;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the services tell watching browsers, after their transactions commit (docs/api.md, "Live events").
 * Every method is cheap when nobody watches the project, and never throws: a failure to build an event is
 * logged, the request that caused it still succeeds.
 *
 * <pre>{@code
 * ObjectNode run = database.inTransaction(c -> ...);   // committed
 * events.runChanged(run);
 * }</pre>
 */
public final class LiveEvents {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);
    /** Console lines carried in one event; beyond that the event says {@code more} and clients fetch. */
    static final int MAX_CONSOLE_LINES = 500;

    private final EventBus bus;
    private final Function<RunKey, ObjectNode> runReader;

    /** {@code runReader}: the run object for a key, or null when it is gone (used after ingestion). */
    public LiveEvents(EventBus bus, Function<RunKey, ObjectNode> runReader) {
        this.bus = bus;
        this.runReader = runReader;
    }

    /** Events that go nowhere, for services built without a server (benchmarks, tools). */
    public static LiveEvents none() {
        return new LiveEvents(new EventBus(1), key -> null);
    }

    public EventBus bus() {
        return bus;
    }

    /** Whether anyone watches the run's project; callers skip gathering changes nobody would read. */
    public boolean isWatched(RunKey key) {
        return bus.isWatched(key.entity(), key.project());
    }

    /** A run was created, resumed, edited, deleted, restored or changed state: its whole object. */
    public void runChanged(ObjectNode run) {
        String entity = run.path("entity").asText();
        String project = run.path("project").asText();
        if (bus.isWatched(entity, project)) {
            publish(entity, project, "run", run);
        }
    }

    /** A run's object changed in a way only the store knows (a records batch): reads and publishes it. */
    public void runTouched(RunKey key) {
        if (!bus.isWatched(key.entity(), key.project())) {
            return;
        }
        try {
            ObjectNode run = runReader.apply(key);
            if (run != null) {
                publish(key.entity(), key.project(), "run", run);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not read run {} for live clients", key, e);
        }
    }

    /**
     * New points of a run: per key the latest step ({@code history}) or latest time in Unix seconds
     * ({@code system}), so a chart knows whether what it shows is stale.
     */
    public void pointsAdded(RunKey key, String namespace, Map<String, ? extends Number> latestByKey) {
        if (latestByKey.isEmpty() || !bus.isWatched(key.entity(), key.project())) {
            return;
        }
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("run", key.run());
        data.put("namespace", namespace);
        ObjectNode keys = data.putObject("keys");
        latestByKey.forEach((k, v) -> keys.set(k, Json.mapper().valueToTree(v)));
        publish(key.entity(), key.project(), "history", data);
    }

    /** New or rewritten console lines, each {@code {"line","stream","time","text"}}, in line order. */
    public void consoleWritten(RunKey key, List<? extends Object> lines) {
        if (lines.isEmpty() || !bus.isWatched(key.entity(), key.project())) {
            return;
        }
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("run", key.run());
        ArrayNode array = data.putArray("lines");
        lines.stream().limit(MAX_CONSOLE_LINES).forEach(line -> array.add((JsonNode) Json.mapper().valueToTree(line)));
        data.put("more", lines.size() > MAX_CONSOLE_LINES);
        publish(key.entity(), key.project(), "console", data);
    }

    private void publish(String entity, String project, String type, JsonNode data) {
        try {
            bus.publish(new LiveEvent(entity, project, type, Json.mapper().writeValueAsString(data)));
        } catch (JsonProcessingException e) {
            LOG.warn("could not write a {} event for {}/{}", type, entity, project, e);
        }
    }
}
