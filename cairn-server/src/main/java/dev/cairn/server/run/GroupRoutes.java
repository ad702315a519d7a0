package dev.cairn.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.json.Json;
import dev.cairn.core.run.Names;
import dev.cairn.server.http.Api;
import dev.cairn.server.http.ApiException;
import dev.cairn.server.http.JsonBodies;
import dev.cairn.server.store.Database;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /runs/{entity}/{project}/groups}: every run a listing filter matches, grouped by one field, with
 * counts and min / mean / max of the asked config and summary keys per group (see docs/api.md).
 */
final class GroupRoutes {
    private static final int DEFAULT_LIMIT = 100;

    private final RunLister lister;
    private final RunGroups groups;

    private GroupRoutes(RunLister lister, Database database) {
        this.lister = lister;
        this.groups = new RunGroups(database);
    }

    static void register(Api api, RunService runs, Database database) {
        api.post("/runs/{entity}/{project}/groups", new GroupRoutes(runs.lister(), database)::groups);
    }

    private void groups(Context ctx) throws Exception {
        JsonNode body = JsonBodies.object(ctx, "{\"group_by\":\"config.optimizer\"}");
        JsonNode groupBy = body.path("group_by");
        if (!groupBy.isTextual() || groupBy.textValue().isBlank()) {
            throw new ApiException.BadRequest("group_by is required: the field to group by, e.g. {\"group_by\":\"config.optimizer\"}");
        }
        String filter = JsonBodies.filter(body);
        int limit = limit(body.path("limit"));
        List<String> metrics = metrics(body.path("metrics"));
        RunLister.Query query = lister.query(name("entity", ctx.pathParam("entity")), name("project", ctx.pathParam("project")),
                filter, null, null, null);
        ctx.json(view(groups.of(query, groupBy.textValue().strip(), metrics, limit)));
    }

    private static int limit(JsonNode limit) {
        if (limit.isMissingNode() || limit.isNull()) {
            return DEFAULT_LIMIT;
        }
        if (!limit.isIntegralNumber() || limit.asInt() < 1 || limit.asInt() > RunGroups.MAX_GROUPS) {
            throw new ApiException.BadRequest("limit " + limit + " is out of range; use 1 to " + RunGroups.MAX_GROUPS);
        }
        return limit.asInt();
    }

    private static List<String> metrics(JsonNode metrics) {
        List<String> names = new ArrayList<>();
        if (metrics.isMissingNode() || metrics.isNull()) {
            return names;
        }
        if (!metrics.isArray()) {
            throw new ApiException.BadRequest("metrics must be an array of keys like [\"summary.acc\", \"config.lr\"], not " + metrics);
        }
        if (metrics.size() > RunGroups.MAX_FIELDS) {
            throw new ApiException.BadRequest("metrics names " + metrics.size() + " keys; at most " + RunGroups.MAX_FIELDS
                    + " are allowed");
        }
        for (JsonNode metric : metrics) {
            if (!metric.isTextual()) {
                throw new ApiException.BadRequest("metrics: " + metric + " is not a text; name keys like \"summary.acc\"");
            }
            if (!names.contains(metric.textValue())) {
                names.add(metric.textValue());
            }
        }
        return names;
    }

    private static ObjectNode view(RunGroups.Result result) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("group_by", result.groupBy());
        body.put("runs", result.runCount());
        body.put("group_count", result.groupCount());
        ArrayNode list = body.putArray("groups");
        for (RunGroups.Group group : result.groups()) {
            ObjectNode item = list.addObject();
            item.set("value", group.value());
            item.put("count", group.count());
            item.set("filter", Json.mapper().createObjectNode().set(result.groupBy(), group.value()));
            ObjectNode stats = item.putObject("metrics");
            for (Map.Entry<String, RunGroups.FieldStats> entry : group.stats().entrySet()) {
                RunGroups.FieldStats s = entry.getValue();
                ObjectNode stat = stats.putObject(entry.getKey());
                stat.put("count", s.count());
                if (s.shared() != null) {
                    stat.set("value", s.shared());
                }
                stat.put("numbers", s.numbers());
                stat.put("min", s.min());
                stat.put("mean", s.mean());
                stat.put("max", s.max());
            }
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
