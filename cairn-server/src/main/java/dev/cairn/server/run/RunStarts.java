package dev.cairn.server.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.run.Names;
import dev.cairn.core.run.ResumeMode;
import dev.cairn.core.run.RunState;
import dev.cairn.server.http.ApiException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /runs/{entity}/{project}}: creates a run or resumes one, as W&amp;B's {@code resume} modes say.
 * A resumed run is running again with its exit cleared; its config merges the body's.
 */
final class RunStarts {
    /** How many fresh random ids to try before giving up (8 random characters rarely collide even once). */
    private static final int NEW_ID_ATTEMPTS = 5;

    private final RunStore store;
    private final RunEdits edits;

    RunStarts(RunStore store, RunEdits edits) {
        this.store = store;
        this.edits = edits;
    }

    /** In the caller's transaction; returns the run's view and whether it is new. */
    RunService.Outcome start(Connection c, Project project, RunInput input, long nowMs) throws SQLException {
        RunRow existing = input.id == null ? null : store.findForUpdate(c, project, input.id);
        if (existing == null) {
            if (input.resume == ResumeMode.MUST) {
                throw new ApiException.NotFound("run " + project + "/" + input.id + " does not exist, so it cannot"
                        + " be resumed; create it with resume \"allow\" or \"never\"");
            }
            return new RunService.Outcome(create(c, project, input, nowMs), true);
        }
        if (existing.isDeleted()) {
            throw new ApiException.Conflict("run " + project + "/" + existing.runId() + " is deleted; restore it"
                    + " (POST /api/v1/runs/" + project + "/" + existing.runId() + "/restore) or choose another id");
        }
        if (input.resume == ResumeMode.NEVER) {
            throw new ApiException.Conflict("run id '" + existing.runId() + "' is taken in " + project
                    + "; resume it with resume \"allow\" or \"must\", or choose another id");
        }
        return new RunService.Outcome(resume(c, project, existing, input, nowMs), false);
    }

    /**
     * In the caller's transaction: a new running run of a sweep with the sweep's {@code params} as its config;
     * returns its view.
     */
    ObjectNode createForSweep(Connection c, Project project, String sweepId, ObjectNode params, ObjectNode metadata,
                              long nowMs) throws SQLException {
        ObjectNode body = JsonDocs.emptyObject();
        body.set("config", params);
        body.set("metadata", metadata);
        return create(c, project, RunInput.forCreate(body), sweepId, JsonDocs.write(params), nowMs);
    }

    private ObjectNode create(Connection c, Project project, RunInput input, long nowMs) throws SQLException {
        return create(c, project, input, null, null, nowMs);
    }

    private ObjectNode create(Connection c, Project project, RunInput input, String sweepId, String sweepParamsJson,
                              long nowMs) throws SQLException {
        ObjectNode config = JsonDocs.merge(JsonDocs.emptyObject(), input.config == null ? JsonDocs.emptyObject() : input.config);
        ObjectNode metadata = JsonDocs.merge(JsonDocs.emptyObject(), input.metadata == null ? JsonDocs.emptyObject() : input.metadata);
        List<String> tags = input.tags == null ? List.of() : input.tags;
        for (int attempt = 0; attempt < NEW_ID_ATTEMPTS; attempt++) {
            String runId = input.id != null ? input.id : Names.newRunId();
            RunRow run = new RunRow(0, project.pk(), runId,
                    (String) input.columns.getOrDefault(RunColumn.NAME, Names.memorableName()),
                    (String) input.columns.getOrDefault(RunColumn.NOTES, ""), JsonDocs.write(RunEdits.tagArray(tags)),
                    (String) input.columns.get(RunColumn.GROUP), (String) input.columns.get(RunColumn.JOB_TYPE),
                    RunState.RUNNING, null, JsonDocs.write(config), "{}", JsonDocs.write(metadata),
                    nowMs, nowMs, nowMs, null, null, 0, 0, sweepId, sweepParamsJson);
            Long pk = store.insert(c, run);
            if (pk != null) {
                store.replaceTags(c, pk, tags);
                RunFields.replace(c, pk, project.pk(), "config", config);
                return RunView.of(project, store.find(c, project, runId), nowMs);
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
        edits.apply(c, project, run, input, changes, nowMs);
        return RunView.of(project, store.find(c, project, run.runId()), nowMs);
    }
}
