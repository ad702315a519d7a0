package dev.cairn.server.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.run.Names;
import dev.cairn.core.run.ResumeMode;
import dev.cairn.core.run.RunState;
import dev.cairn.server.ServerOptions;
import dev.cairn.server.http.ApiException;
import dev.cairn.server.metrics.Summaries;
import dev.cairn.server.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The life of runs: create or resume (W&B's {@code resume} modes), read, update, soft-delete, restore,
 * heartbeat; and the background check that marks silent runs crashed ({@link #reaper()}).
 *
 * <pre>{@code
 * RunService runs = services.runs();
 * RunService.Outcome created = runs.createOrResume("alice", "mnist", RunInput.forCreate(body));
 * ObjectNode run = runs.get(new RunKey("alice", "mnist", "k3x9q2ab"), false);
 * }</pre>
 */
public final class RunService {
    /** How many fresh random ids to try before giving up (8 random characters rarely collide once). */
    private static final int NEW_ID_ATTEMPTS = 5;

    private final Database database;
    private final Clock clock;
    private final RunStore store;
    private final RunLister lister;
    private final RunReaper reaper;

    public RunService(Database database, ServerOptions options, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.store = new RunStore(database.dialect());
        this.lister = new RunLister(database, clock);
        this.reaper = new RunReaper(database, clock, options.heartbeatTimeout());
    }

    /** Marks running runs crashed once their heartbeats stop; {@code Services} schedules it. */
    public RunReaper reaper() {
        return reaper;
    }

    RunLister lister() {
        return lister;
    }

    /** A created or resumed run, as the response shows it. */
    record Outcome(ObjectNode run, boolean isNew) {
    }

    Outcome createOrResume(String entity, String projectName, RunInput input) {
        return database.inTransaction(c -> {
            long nowMs = clock.millis();
            Project project = ProjectStore.ensure(c, entity, projectName, nowMs);
            RunRow existing = input.id == null ? null : store.findForUpdate(c, project, input.id);
            if (existing == null) {
                if (input.resume == ResumeMode.MUST) {
                    throw new ApiException.NotFound("run " + project + "/" + input.id + " does not exist, so it cannot"
                            + " be resumed; create it with resume \"allow\" or \"never\"");
                }
                return new Outcome(create(c, project, input, nowMs), true);
            }
            if (existing.isDeleted()) {
                throw new ApiException.Conflict("run " + project + "/" + existing.runId() + " is deleted; restore it"
                        + " (POST /api/v1/runs/" + project + "/" + existing.runId() + "/restore) or choose another id");
            }
            if (input.resume == ResumeMode.NEVER) {
                throw new ApiException.Conflict("run id '" + existing.runId() + "' is taken in " + project
                        + "; resume it with resume \"allow\" or \"must\", or choose another id");
            }
            return new Outcome(resume(c, project, existing, input, nowMs), false);
        });
    }

    private ObjectNode create(Connection c, Project project, RunInput input, long nowMs) throws SQLException {
        ObjectNode config = input.config == null ? JsonDocs.parseObject("{}") : JsonDocs.merge(JsonDocs.parseObject("{}"), input.config);
        List<String> tags = input.tags == null ? List.of() : input.tags;
        for (int attempt = 0; attempt < NEW_ID_ATTEMPTS; attempt++) {
            String runId = input.id != null ? input.id : Names.newRunId();
            RunRow run = new RunRow(0, project.pk(), runId,
                    (String) input.columns.getOrDefault(RunColumn.NAME, Names.memorableName()),
                    (String) input.columns.getOrDefault(RunColumn.NOTES, ""), JsonDocs.write(tagArray(tags)),
                    (String) input.columns.get(RunColumn.GROUP), (String) input.columns.get(RunColumn.JOB_TYPE),
                    RunState.RUNNING, null, JsonDocs.write(config), "{}",
                    JsonDocs.write(input.metadata == null ? JsonDocs.parseObject("{}") : input.metadata),
                    nowMs, nowMs, nowMs, null, null, 0, 0);
            Long pk = store.insert(c, run);
            if (pk != null) {
                store.replaceTags(c, pk, tags);
                RunFields.replace(c, pk, project.pk(), "config", config);
                return view(c, project, runId);
            }
            if (input.id != null) {
                throw new ApiException.Conflict("run id '" + runId + "' was taken in " + project
                        + " by a request at the same moment; resume it with resume \"allow\", or choose another id");
            }
        }
        throw new IllegalStateException("no free run id after " + NEW_ID_ATTEMPTS + " attempts in " + project);
    }

    private ObjectNode resume(Connection c, Project project, RunRow run, RunInput input, long nowMs) throws SQLException {
        Map<RunColumn, Object> changes = new EnumMap<>(input.columns);
        changes.put(RunColumn.STATE, RunState.RUNNING.wireName());
        changes.put(RunColumn.EXIT_CODE, null);
        changes.put(RunColumn.FINISHED_AT, null);
        changes.put(RunColumn.HEARTBEAT_AT, nowMs);
        if (input.metadata != null) {
            changes.put(RunColumn.METADATA, JsonDocs.write(JsonDocs.merge(JsonDocs.parseObject(run.metadataJson()),
                    input.metadata)));
        }
        applyCommon(c, project, run, input, changes, nowMs);
        return view(c, project, run.runId());
    }

    ObjectNode get(RunKey key, boolean includeDeleted) {
        return database.withHandle(c -> {
            Project project = ProjectStore.find(c, key.entity(), key.project());
            RunRow run = project == null ? null : store.find(c, project, key.run());
            if (run == null || (run.isDeleted() && !includeDeleted)) {
                throw notFound(key);
            }
            return RunView.of(project, run, clock.millis());
        });
    }

    ObjectNode update(RunKey key, RunInput input) {
        return database.inTransaction(c -> {
            long nowMs = clock.millis();
            Project project = ProjectStore.find(c, key.entity(), key.project());
            RunRow run = live(c, project, key);
            Map<RunColumn, Object> changes = new EnumMap<>(input.columns);
            if (input.metadata != null) {
                changes.put(RunColumn.METADATA, JsonDocs.write(JsonDocs.merge(JsonDocs.parseObject(run.metadataJson()),
                        input.metadata)));
            }
            if (input.state != null) {
                changes.put(RunColumn.STATE, input.state.wireName());
                if (run.finishedAtMs() == null) {
                    changes.put(RunColumn.FINISHED_AT, nowMs);
                }
            }
            applyCommon(c, project, run, input, changes, nowMs);
            if (input.summary != null) {
                ObjectNode userSummary = JsonDocs.merge(JsonDocs.parseObject(store.userSummary(c, run.pk())), input.summary);
                store.saveUserSummary(c, run.pk(), JsonDocs.write(userSummary));
                Summaries.refresh(c, run.pk());
            }
            return view(c, project, run.runId());
        });
    }

    /** Writes the columns, tags and merged config shared by resume and update. */
    private void applyCommon(Connection c, Project project, RunRow run, RunInput input, Map<RunColumn, Object> changes,
                             long nowMs) throws SQLException {
        changes.put(RunColumn.UPDATED_AT, nowMs);
        if (input.tags != null) {
            changes.put(RunColumn.TAGS, JsonDocs.write(tagArray(input.tags)));
            store.replaceTags(c, run.pk(), input.tags);
        }
        if (input.config != null) {
            ObjectNode config = JsonDocs.merge(JsonDocs.parseObject(run.configJson()), input.config);
            changes.put(RunColumn.CONFIG, JsonDocs.write(config));
            RunFields.replace(c, run.pk(), project.pk(), "config", config);
        }
        store.update(c, run.pk(), changes);
    }

    ObjectNode delete(RunKey key) {
        return database.inTransaction(c -> {
            long nowMs = clock.millis();
            Project project = ProjectStore.find(c, key.entity(), key.project());
            RunRow run = live(c, project, key);
            store.update(c, run.pk(), Map.of(RunColumn.DELETED_AT, nowMs, RunColumn.UPDATED_AT, nowMs));
            return view(c, project, run.runId());
        });
    }

    ObjectNode restore(RunKey key) {
        return database.inTransaction(c -> {
            Project project = ProjectStore.find(c, key.entity(), key.project());
            RunRow run = project == null ? null : store.findForUpdate(c, project, key.run());
            if (run == null) {
                throw notFound(key);
            }
            if (run.isDeleted()) {
                Map<RunColumn, Object> changes = new EnumMap<>(RunColumn.class);
                changes.put(RunColumn.DELETED_AT, null);
                changes.put(RunColumn.UPDATED_AT, clock.millis());
                store.update(c, run.pk(), changes);
            }
            return view(c, project, run.runId());
        });
    }

    /** Records that the run is alive; a crashed run is running again. Answers {@code {"state":..,"stop":false}}. */
    Map<String, Object> heartbeat(RunKey key) {
        return database.inTransaction(c -> {
            long nowMs = clock.millis();
            Project project = ProjectStore.find(c, key.entity(), key.project());
            RunRow run = live(c, project, key);
            Map<RunColumn, Object> changes = new EnumMap<>(RunColumn.class);
            changes.put(RunColumn.HEARTBEAT_AT, nowMs);
            RunState state = run.state();
            if (state == RunState.CRASHED) {
                state = RunState.RUNNING;
                changes.put(RunColumn.STATE, state.wireName());
                changes.put(RunColumn.FINISHED_AT, null);
                changes.put(RunColumn.EXIT_CODE, null);
                changes.put(RunColumn.UPDATED_AT, nowMs);
            }
            store.update(c, run.pk(), changes);
            return Map.of("state", state.wireName(), "stop", false);
        });
    }

    List<ProjectStore.ProjectSummary> projects(String entity) {
        return database.withHandle(c -> ProjectStore.list(c, entity));
    }

    /** The run, locked for this transaction; 404 when it, or its project, does not exist or is deleted. */
    private RunRow live(Connection c, Project project, RunKey key) throws SQLException {
        RunRow run = project == null ? null : store.findForUpdate(c, project, key.run());
        if (run == null || run.isDeleted()) {
            throw notFound(key);
        }
        return run;
    }

    private ObjectNode view(Connection c, Project project, String runId) throws SQLException {
        return RunView.of(project, store.find(c, project, runId), clock.millis());
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode tagArray(List<String> tags) {
        com.fasterxml.jackson.databind.node.ArrayNode array = com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.arrayNode();
        tags.forEach(array::add);
        return array;
    }

    static ApiException.NotFound notFound(RunKey key) {
        return new ApiException.NotFound("run " + key + " not found; check the entity, project and run id"
                + " (GET /api/v1/runs/" + key.entity() + "/" + key.project() + " lists the project's runs)");
    }
}
