package dev.cairn.server.importance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.json.Json;
import dev.cairn.core.run.Names;
import dev.cairn.server.Services;
import dev.cairn.server.http.Api;
import dev.cairn.server.http.ApiException;
import dev.cairn.server.http.JsonBodies;
import dev.cairn.server.run.RunLeaves;
import dev.cairn.server.run.RunService;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /runs/{entity}/{project}/importance}: parameter importance of config keys for one summary metric
 * over the runs a listing filter matches.
 */
public final class ImportanceRoutes {
    /** The newest this many matching runs are analysed. */
    public static final int MAX_RUNS = 10_000;
    private static final long DEFAULT_SEED = 42;

    private final RunService runs;

    private ImportanceRoutes(RunService runs) {
        this.runs = runs;
    }

    public static void register(Api api, Services services) {
        api.post("/runs/{entity}/{project}/importance", new ImportanceRoutes(services.runs())::importance);
    }

    private void importance(Context ctx) throws Exception {
        String entity = name("entity", ctx.pathParam("entity"));
        String project = name("project", ctx.pathParam("project"));
        JsonNode body = JsonBodies.object(ctx, "{\"metric\":\"val_acc\"}");
        JsonNode metric = body.path("metric");
        if (!metric.isTextual() || metric.textValue().isBlank()) {
            throw new ApiException.BadRequest("metric is required: the summary key to explain, e.g. {\"metric\":\"val_acc\"}");
        }
        String filter = JsonBodies.filter(body);
        long seed = body.path("seed").isIntegralNumber() ? body.path("seed").longValue() : DEFAULT_SEED;
        List<RunLeaves> matching = runs.leaves(entity, project, filter, MAX_RUNS);
        ParameterImportance.Result result = ParameterImportance.of(matching, metric.textValue(), keys(body), seed);
        ctx.json(view(result));
    }

    private static List<String> keys(JsonNode body) {
        JsonNode keys = body.path("keys");
        if (keys.isMissingNode() || keys.isNull()) {
            return null;
        }
        if (!keys.isArray()) {
            throw new ApiException.BadRequest("keys must be an array of config key names, not " + keys);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode key : keys) {
            if (!key.isTextual()) {
                throw new ApiException.BadRequest("keys: " + key + " is not a text; name config keys like \"lr\" or \"model.layers\"");
            }
            names.add(key.textValue().startsWith("config.") ? key.textValue().substring(7) : key.textValue());
        }
        return names;
    }

    private static ObjectNode view(ParameterImportance.Result result) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("metric", result.metric());
        body.put("runs", result.runCount());
        ArrayNode keys = body.putArray("importance");
        for (ParameterImportance.KeyImportance key : result.keys()) {
            ObjectNode item = keys.addObject();
            item.put("key", key.key());
            item.put("importance", key.importance());
            item.put("correlation", key.correlation());
            item.put("kind", key.isNumeric() ? "number" : "category");
        }
        return body;
    }

    private static String name(String field, String value) {
        try {
            return Names.requireValid(field, value);
        } catch (IllegalArgumentException e) {
            throw new ApiException.BadRequest(e.getMessage());
        }
    }
}
