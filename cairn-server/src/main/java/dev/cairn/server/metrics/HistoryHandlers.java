package dev.cairn.server.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import dev.cairn.server.http.ApiException;
import dev.cairn.server.metrics.history.RawHistory;
import dev.cairn.server.metrics.sampling.XAxis;
import dev.cairn.server.run.RunKey;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Handlers of metric keys, raw history pages and downsampled history. */
final class HistoryHandlers {
    static final int MAX_BUCKETS = 10_000;
    static final int DEFAULT_BUCKETS = 1000;
    static final int MAX_PAGE_POINTS = 10_000;
    static final int MAX_SAMPLED_SERIES = 1000;
    static final int MAX_KEY_RUNS = 1000;

    private final Metrics metrics;

    HistoryHandlers(Metrics metrics) {
        this.metrics = metrics;
    }

    void keys(Context ctx) {
        RunKey run = RunKey.from(ctx);
        ctx.json(Map.of("keys", metrics.keys(run, QueryParams.namespace(ctx.queryParam("namespace")))));
    }

    /** {@code POST /keys}: the union of several runs' keys, so a dashboard asks once for the runs it charts. */
    void keysOfRuns(Context ctx) throws IOException {
        JsonNode body = Json.mapper().readTree(ctx.bodyAsBytes());
        if (body == null || !body.isObject()) {
            throw new ApiException.BadRequest("the body must be a JSON object with runs and namespace");
        }
        List<RunKey> runs = new ArrayList<>();
        for (String run : textList(body, "runs")) {
            runs.add(RunKey.parse(run));
        }
        if (runs.size() > MAX_KEY_RUNS) {
            throw new ApiException.BadRequest("field 'runs' lists " + runs.size() + " runs; ask for at most "
                    + MAX_KEY_RUNS + " a call");
        }
        String namespace = QueryParams.namespace(body.path("namespace").isTextual() ? body.get("namespace").asText() : null);
        ctx.json(Map.of("keys", metrics.keys(runs, namespace)));
    }

    void history(Context ctx) {
        RunKey run = RunKey.from(ctx);
        List<String> keys = QueryParams.keys(ctx.queryParam("keys"));
        long minStep = QueryParams.longParam(ctx, "min_step", 0, 0, Long.MAX_VALUE);
        long maxStep = QueryParams.longParam(ctx, "max_step", Long.MAX_VALUE, 0, Long.MAX_VALUE);
        long from = Math.max(minStep, QueryParams.longParam(ctx, "cursor", 0, 0, Long.MAX_VALUE));
        int limit = QueryParams.intParam(ctx, "limit", 1000, 1, MAX_PAGE_POINTS);
        RawHistory.Page page = metrics.history(run, QueryParams.namespace(ctx.queryParam("namespace")), keys, from,
                maxStep, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("points", page.points());
        body.put("next_cursor", page.nextStep() == null ? null : page.nextStep().toString());
        ctx.json(body);
    }

    void sampledOne(Context ctx) {
        RunKey run = RunKey.from(ctx);
        List<String> keys = QueryParams.keys(ctx.queryParam("keys"));
        int buckets = QueryParams.intParam(ctx, "buckets", DEFAULT_BUCKETS, 1, MAX_BUCKETS);
        ctx.json(Map.of("series", metrics.sample(List.of(run), keys,
                QueryParams.namespace(ctx.queryParam("namespace")), XAxis.parse(ctx.queryParam("x")), buckets,
                QueryParams.doubleParam(ctx, "min_x"), QueryParams.doubleParam(ctx, "max_x"))));
    }

    void sampledMany(Context ctx) throws IOException {
        JsonNode body = Json.mapper().readTree(ctx.bodyAsBytes());
        if (body == null || !body.isObject()) {
            throw new ApiException.BadRequest("the body must be a JSON object with runs, keys, x and buckets");
        }
        List<RunKey> runs = new ArrayList<>();
        for (String run : textList(body, "runs")) {
            runs.add(RunKey.parse(run));
        }
        List<String> keys = textList(body, "keys");
        if (runs.size() * keys.size() > MAX_SAMPLED_SERIES) {
            throw new ApiException.BadRequest(runs.size() + " runs x " + keys.size() + " keys is more than "
                    + MAX_SAMPLED_SERIES + " series in one call; ask in several calls");
        }
        JsonNode buckets = body.path("buckets");
        int bucketCount = buckets.isMissingNode() || buckets.isNull() ? DEFAULT_BUCKETS : buckets.asInt(-1);
        if (!buckets.isMissingNode() && !buckets.isNull() && (!buckets.canConvertToInt() || bucketCount < 1
                || bucketCount > MAX_BUCKETS)) {
            throw new ApiException.BadRequest("field 'buckets' is " + buckets + "; use an integer from 1 to " + MAX_BUCKETS);
        }
        String namespace = QueryParams.namespace(body.path("namespace").isTextual() ? body.get("namespace").asText() : null);
        XAxis x = XAxis.parse(body.path("x").isTextual() ? body.get("x").asText() : null);
        ctx.json(Map.of("series", metrics.sample(runs, keys, namespace, x, bucketCount, number(body, "min_x"),
                number(body, "max_x"))));
    }

    private static List<String> textList(JsonNode body, String field) {
        JsonNode node = body.path(field);
        if (!node.isArray() || node.isEmpty()) {
            throw new ApiException.BadRequest("field '" + field + "' must be a non-empty list of strings");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new ApiException.BadRequest("field '" + field + "' must list strings, got " + item);
            }
            items.add(item.asText());
        }
        return items;
    }

    private static Double number(JsonNode body, String field) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw new ApiException.BadRequest("field '" + field + "' must be a finite number or null, got " + node);
        }
        return node.doubleValue();
    }
}
