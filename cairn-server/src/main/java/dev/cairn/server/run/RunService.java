package dev.cairn.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.run.RunState;
import dev.cairn.server.ServerOptions;
import dev.cairn.server.http.ApiException;
import dev.cairn.server.live.LiveEvents;
import dev.cairn.server.metrics.Summaries;
import dev.cairn.server.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The life of runs: create or resume (W&amp;B's {@code resume} modes), read, update, soft-delete, restore,
 * heartbeat; and the background check that marks silent runs crashed ({@link #reaper()}).
 *
 * <pre>{@code
 * RunService runs = services.runs();                      // built once by Services
 * int crashed = runs.reaper().runOnce(Instant.now());     // what the background check does
 * }</pre>
 *
 * <p>Requests reach it through {@link RunRoutes}; each method is one transaction.
 */
public final class RunService {
    private final Database database;
    private final Clock clock;
    private final RunStore store;
    private final RunEdits edits;
    private final RunStarts starts;
    private final RunLister lister;
    private final RunReaper reaper;
    private final LiveEvents events;
    private volatile StopSignal stopSignal = StopSignal.NEVER;

    public RunService(Database database, ServerOptions options, Clock clock) {
        this(database, options, clock, LiveEvents.none());
    }

    /** {@code events}: told about every committed change, for the browsers watching the run's project. */
    public RunService(Database database, ServerOptions options, Clock clock, LiveEvents events) {
        this.database = database;
        this.events = events;
        this.clock = clock;
        this.store = new RunStore(database.dialect());
        this.edits = new RunEdits(store);
        this.starts = new RunStarts(store, edits);
        this.lister = new RunLister(database, clock);
        this.reaper = new RunReaper(database, clock, options.heartbeatTimeout(), events);
    }

    /** Marks running runs crashed once their heartbeats stop; {@code Services} schedules it. */
    public RunReaper reaper() {
        return reaper;
    }

    /** What heartbeats of sweep runs consult to answer {@code stop}; the sweep service sets it once. */
    public void useStopSignal(StopSignal signal) {
        this.stopSignal = signal;
    }

    /**
     * In the caller's transaction: creates a running run of sweep {@code sweepId} whose config is {@code params}
     * (which then win over a script's config on resume). Returns the run as the API shows it.
     */
    public ObjectNode startSweepRun(Connection c, Project project, String sweepId, ObjectNode params,
                                    ObjectNode metadata, long nowMs) throws SQLException {
        return starts.createForSweep(c, project, sweepId, params, metadata, nowMs);
    }

    RunLister lister() {
        return lister;
    }

    /**
     * Every run the filter (a listing filter's JSON text, or null for all) matches, newest first, at most
     * {@code maxRuns}, flattened for analyses. 404 for an unknown project, 400 for a bad filter.
     */
    public List<RunLeaves> leaves(String entity, String project, String filterJson, int maxRuns) {
        RunLister.Query query = lister.query(entity, project, filterJson, null, null, null)
                .withLimit(Math.min(maxRuns, RunExport.PAGE_SIZE));
        List<RunLeaves> runs = new ArrayList<>();
        while (runs.size() < maxRuns) {
            RunLister.Page page = lister.page(query, false);
            for (RunRow row : page.runs()) {
                if (runs.size() < maxRuns) {
                    runs.add(new RunLeaves(row.runId(), row.name(), unprefixed(row.configJson()),
                            unprefixed(row.summaryJson())));
                }
            }
            if (page.next() == null) {
                break;
            }
            query = query.after(page.next());
        }
        return runs;
    }

    private static Map<String, JsonNode> unprefixed(String documentJson) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        JsonDocs.flatten("", JsonDocs.parseObject(documentJson), leaves);
        Map<String, JsonNode> named = new LinkedHashMap<>();
        leaves.forEach((key, value) -> named.put(key.substring(1), value));
        return named;
    }

    /** A created or resumed run, as the response shows it. */
    record Outcome(ObjectNode run, boolean isNew) {
    }

    Outcome createOrResume(String entity, String projectName, RunInput input) {
        Outcome outcome = database.inTransaction(c -> {
            long nowMs = clock.millis();
            return starts.start(c, ProjectStore.ensure(c, entity, projectName, nowMs), input, nowMs);
        });
        events.runChanged(outcome.run());
        return outcome;
    }

    /** The run object, or null when the run does not exist or is deleted. */
    public ObjectNode find(RunKey key) {
        return database.withHandle(c -> {
            Project project = ProjectStore.find(c, key.entity(), key.project());
            RunRow run = project == null ? null : store.find(c, project, key.run());
            return run == null || run.isDeleted() ? null : RunView.of(project, run, clock.millis());
        });
    }

    /** The run object, deleted or not (a deleted one shows {@code "deleted":true}), or null when it does not exist. */
    public ObjectNode findIncludingDeleted(RunKey key) {
        return database.withHandle(c -> {
            Project project = ProjectStore.find(c, key.entity(), key.project());
            RunRow run = project == null ? null : store.find(c, project, key.run());
            return run == null ? null : RunView.of(project, run, clock.millis());
        });
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
        return published(database.inTransaction(c -> {
            long nowMs = clock.millis();
            Project project = ProjectStore.find(c, key.entity(), key.project());
            RunRow run = live(c, project, key);
            Map<RunColumn, Object> changes = new EnumMap<>(input.columns);
            if (input.state != null) {
                changes.put(RunColumn.STATE, input.state.wireName());
                if (run.finishedAtMs() == null) {
                    changes.put(RunColumn.FINISHED_AT, nowMs);
                }
            }
            if (input.exitCode != null) {
                changes.put(RunColumn.EXIT_CODE, input.exitCode);
            }
            edits.apply(c, project, run, input, changes, nowMs);
            if (input.summary != null) {
                ObjectNode userSummary = JsonDocs.merge(JsonDocs.parseObject(store.userSummary(c, run.pk())), input.summary);
                store.saveUserSummary(c, run.pk(), JsonDocs.write(userSummary));
                Summaries.refresh(c, run.pk());
            }
            return view(c, project, run.runId());
        }));
    }

    ObjectNode delete(RunKey key) {
        return published(database.inTransaction(c -> {
            long nowMs = clock.millis();
            Project project = ProjectStore.find(c, key.entity(), key.project());
            RunRow run = live(c, project, key);
            store.update(c, run.pk(), Map.of(RunColumn.DELETED_AT, nowMs, RunColumn.UPDATED_AT, nowMs));
            return view(c, project, run.runId());
        }));
    }

    ObjectNode restore(RunKey key) {
        return published(database.inTransaction(c -> {
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
        }));
    }

    private ObjectNode published(ObjectNode run) {
        events.runChanged(run);
        return run;
    }

    /**
     * Records that the run is alive; a crashed run is running again. Answers {@code {"state":..,"stop":..}}, where
     * {@code stop} is the sweep's {@link StopSignal} for a running sweep run, asked after the heartbeat is saved.
     */
    Map<String, Object> heartbeat(RunKey key) {
        boolean[] revived = {false};
        Beat beat = database.inTransaction(c -> {
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
            revived[0] = run.state() == RunState.CRASHED;
            store.update(c, run.pk(), changes);
            return new Beat(project, run.sweepId(), state);
        });
        if (revived[0]) {
            events.runTouched(key); // only a state change is news; plain heartbeats are not pushed
        }
        boolean stop = beat.sweepId() != null && beat.state() == RunState.RUNNING
                && stopSignal.shouldStop(beat.project(), beat.sweepId(), key.run());
        return Map.of("state", beat.state().wireName(), "stop", stop);
    }

    private record Beat(Project project, String sweepId, RunState state) {
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

    static ApiException.NotFound notFound(RunKey key) {
        return new ApiException.NotFound("run " + key + " not found; check the entity, project and run id"
                + " (GET /api/v1/runs/" + key.entity() + "/" + key.project() + " lists the project's runs)");
    }
}
