package dev.cairn.server.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.json.Json;
import dev.cairn.core.run.Names;
import dev.cairn.server.Services;
import dev.cairn.server.http.Api;
import dev.cairn.server.http.ApiException;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Routes of projects and runs: create, resume, read, list, group, update, delete, restore, heartbeat, export. */
public final class RunRoutes {
    private final RunService runs;

    private RunRoutes(RunService runs) {
        this.runs = runs;
    }

    public static void register(Api api, Services services) {
        RunRoutes routes = new RunRoutes(services.runs());
        api.get("/projects", routes::projects);
        api.post("/runs/{entity}/{project}", routes::createOrResume);
        api.get("/runs/{entity}/{project}", routes::list);
        // before /{run}, which would otherwise take "export" for a run id (run ids may not be "export")
        api.get("/runs/{entity}/{project}/export", routes::export);
        GroupRoutes.register(api, services.runs(), services.database());
        api.get("/runs/{entity}/{project}/{run}", routes::show);
        api.patch("/runs/{entity}/{project}/{run}", routes::update);
        api.delete("/runs/{entity}/{project}/{run}", routes::delete);
        api.post("/runs/{entity}/{project}/{run}/restore", routes::restore);
        api.post("/runs/{entity}/{project}/{run}/heartbeat", routes::heartbeat);
    }

    private void projects(Context ctx) {
        String entity = ctx.queryParam("entity");
        if (entity != null) {
            name("entity", entity);
        }
        ArrayNode projects = Json.mapper().createArrayNode();
        for (ProjectStore.ProjectSummary project : runs.projects(entity)) {
            projects.addObject()
                    .put("entity", project.entity())
                    .put("name", project.name())
                    .put("run_count", project.runCount())
                    .put("created_at", Times.iso(project.createdAtMs()))
                    .put("last_activity_at", Times.iso(project.lastActivityAtMs()));
        }
        ctx.json(Map.of("projects", projects));
    }

    private void createOrResume(Context ctx) throws Exception {
        String entity = name("entity", ctx.pathParam("entity"));
        String project = name("project", ctx.pathParam("project"));
        RunService.Outcome outcome = runs.createOrResume(entity, project,
                RunInput.forCreate(Json.mapper().readTree(ctx.body())));
        ctx.status(outcome.isNew() ? 201 : 200).json(outcome.run());
    }

    private void show(Context ctx) {
        ctx.json(runs.get(RunKey.from(ctx), "true".equals(ctx.queryParam("include_deleted"))));
    }

    private void update(Context ctx) throws Exception {
        ctx.json(runs.update(RunKey.from(ctx), RunInput.forUpdate(Json.mapper().readTree(ctx.body()))));
    }

    private void delete(Context ctx) {
        ctx.json(runs.delete(RunKey.from(ctx)));
    }

    private void restore(Context ctx) {
        ctx.json(runs.restore(RunKey.from(ctx)));
    }

    private void heartbeat(Context ctx) {
        ctx.json(runs.heartbeat(RunKey.from(ctx)));
    }

    private void list(Context ctx) {
        RunLister.Page page = runs.lister().page(listQuery(ctx, ctx.queryParam("cursor"), limit(ctx)), true);
        ArrayNode views = Json.mapper().createArrayNode();
        long nowMs = runs.lister().nowMs();
        page.runs().forEach(run -> views.add(RunView.of(page.project(), run, nowMs)));
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("runs", views);
        body.put("next_cursor", page.nextCursor());
        body.put("total", page.total());
        ctx.json(body);
    }

    private void export(Context ctx) throws Exception {
        String format = ctx.queryParam("format") == null ? "csv" : ctx.queryParam("format");
        if (!format.equals("csv") && !format.equals("jsonl")) {
            throw new ApiException.BadRequest("format '" + format + "' is not supported; use csv or jsonl");
        }
        RunLister.Query query = listQuery(ctx, null, null);
        ctx.contentType(format.equals("csv") ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + query.project().entity() + "-"
                + query.project().name() + "-runs." + format + "\"");
        RunExport export = new RunExport(runs.lister(), query);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            if (format.equals("csv")) {
                export.writeCsv(out);
            } else {
                export.writeJsonLines(out);
            }
        }
    }

    private RunLister.Query listQuery(Context ctx, String cursor, Integer limit) {
        return runs.lister().query(name("entity", ctx.pathParam("entity")), name("project", ctx.pathParam("project")),
                ctx.queryParam("filter"), ctx.queryParam("sort"), cursor, limit);
    }

    private static Integer limit(Context ctx) {
        String limit = ctx.queryParam("limit");
        if (limit == null || limit.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw new ApiException.BadRequest("limit '" + limit + "' is not a whole number; use 1 to " + RunLister.MAX_LIMIT);
        }
    }

    private static String name(String field, String value) {
        try {
            return Names.requireValid(field, value);
        } catch (IllegalArgumentException e) {
            throw new ApiException.BadRequest(e.getMessage());
        }
    }
}
