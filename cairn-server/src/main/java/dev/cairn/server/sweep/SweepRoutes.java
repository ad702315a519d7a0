package dev.cairn.server.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cairn.core.json.Json;
import dev.cairn.server.Services;
import dev.cairn.server.http.Api;
import dev.cairn.server.http.ApiException;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.Predicate;

/** Routes of sweeps (docs/api.md, "Sweeps"): create, list, read, notes, delete, state changes and {@code next}. */
public final class SweepRoutes {
    static final int MAX_AGENT_CHARS = 256;
    private static final String SWEEP = "/sweeps/{entity}/{project}/{sweep}";

    private final SweepService sweeps;

    private SweepRoutes(SweepService sweeps) {
        this.sweeps = sweeps;
    }

    public static void register(Api api, Services services) {
        SweepRoutes routes = new SweepRoutes(services.sweeps());
        api.post("/sweeps/{entity}/{project}", routes::create);
        api.get("/sweeps/{entity}/{project}", routes::list);
        api.get(SWEEP, routes::show);
        api.patch(SWEEP, routes::update);
        api.delete(SWEEP, routes::delete);
        api.post(SWEEP + "/pause", ctx -> routes.transition(ctx, "pause", SweepState::canPause, SweepState.PAUSED));
        api.post(SWEEP + "/resume", ctx -> routes.transition(ctx, "resume", SweepState::canResume, SweepState.RUNNING));
        api.post(SWEEP + "/stop", ctx -> routes.transition(ctx, "stop", SweepState::canEnd, SweepState.STOPPED));
        api.post(SWEEP + "/cancel", ctx -> routes.transition(ctx, "cancel", SweepState::canEnd, SweepState.CANCELED));
        api.post(SWEEP + "/next", routes::next);
    }

    private void create(Context ctx) throws Exception {
        String entity = SweepKey.valid("entity", ctx.pathParam("entity"));
        String project = SweepKey.valid("project", ctx.pathParam("project"));
        ctx.status(201).json(sweeps.create(entity, project, SweepInput.forCreate(body(ctx))));
    }

    private void list(Context ctx) {
        ArrayNode views = Json.mapper().createArrayNode();
        sweeps.list(SweepKey.valid("entity", ctx.pathParam("entity")), SweepKey.valid("project", ctx.pathParam("project")))
                .forEach(views::add);
        ctx.json(Map.of("sweeps", views));
    }

    private void show(Context ctx) {
        ctx.json(sweeps.get(SweepKey.from(ctx)));
    }

    private void update(Context ctx) throws Exception {
        SweepKey key = SweepKey.from(ctx);
        ctx.json(sweeps.updateNotes(key, SweepInput.notesForUpdate(body(ctx))));
    }

    private void delete(Context ctx) {
        ctx.json(sweeps.delete(SweepKey.from(ctx), flag(ctx, "delete_runs"), flag(ctx, "force")));
    }

    /** A {@code true}/{@code false} query parameter, false when absent; 400 for anything else. */
    private static boolean flag(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new ApiException.BadRequest(name + " must be true or false, not '" + value + "'");
    }

    private void transition(Context ctx, String action, Predicate<SweepState> allowed,
                            SweepState target) {
        ctx.json(sweeps.transition(SweepKey.from(ctx), action, allowed, target));
    }

    private void next(Context ctx) throws Exception {
        SweepKey key = SweepKey.from(ctx);
        JsonNode body = ctx.body().isBlank() ? Json.mapper().createObjectNode() : body(ctx);
        if (!body.isObject()) {
            throw new ApiException.BadRequest("the body must be a JSON object such as {\"agent\":\"host-1\"}");
        }
        JsonNode agent = body.get("agent");
        if (agent != null && !agent.isNull() && (!agent.isTextual() || agent.textValue().length() > MAX_AGENT_CHARS)) {
            throw new ApiException.BadRequest("agent must be a string of at most " + MAX_AGENT_CHARS
                    + " characters naming the agent, such as \"host-1234\"");
        }
        ctx.json(sweeps.next(key, agent == null || agent.isNull() ? null : agent.textValue()));
    }

    private static JsonNode body(Context ctx) throws Exception {
        return Json.mapper().readTree(ctx.body());
    }
}
