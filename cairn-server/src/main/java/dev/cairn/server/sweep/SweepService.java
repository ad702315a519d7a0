package dev.cairn.server.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.run.Names;
import dev.cairn.core.sweep.SweepConfig;
import dev.cairn.server.http.ApiException;
import dev.cairn.server.live.LiveEvents;
import dev.cairn.server.run.Project;
import dev.cairn.server.run.ProjectStore;
import dev.cairn.server.run.RunKey;
import dev.cairn.server.run.RunService;
import dev.cairn.server.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The sweep controller: creates sweeps, moves them between states, hands out trials ({@link #next}, via
 * {@link TrialDispenser}) and tells runs to stop ({@link #shouldStop}). It keeps no state a second server would
 * need: every decision is rebuilt from the database, with caches only of what never changes or is cheap to
 * check.
 *
 * <pre>{@code
 * SweepService sweeps = services.sweeps();
 * ObjectNode sweep = sweeps.create("alice", "mnist", SweepInput.forCreate(body));
 * ObjectNode answer = sweeps.next(new SweepKey("alice", "mnist", sweep.get("id").asText()), "host-1");
 * }</pre>
 */
public final class SweepService {
    private static final int NEW_ID_ATTEMPTS = 5;

    private final Database database;
    private final RunService runs;
    private final LiveEvents live;
    private final Clock clock;
    private final SweepStore store;
    private final SweepConfigs configs = new SweepConfigs();
    private final MemberCache members = new MemberCache();
    private final TrialDispenser dispenser;
    private final EarlyStop earlyStop = new EarlyStop();

    public SweepService(Database database, RunService runs, LiveEvents live, Clock clock) {
        this.database = database;
        this.runs = runs;
        this.live = live;
        this.clock = clock;
        this.store = new SweepStore(database.dialect());
        this.dispenser = new TrialDispenser(store, configs, runs, members);
        runs.useStopSignal(this::shouldStop);
    }

    ObjectNode create(String entity, String projectName, SweepInput input) {
        return database.inTransaction(c -> {
            long nowMs = clock.millis();
            Project project = ProjectStore.ensure(c, entity, projectName, nowMs);
            SweepConfig config = input.config();
            for (int attempt = 0; attempt < NEW_ID_ATTEMPTS; attempt++) {
                String sweepId = Names.newRunId();
                Long pk = store.insert(c, project, sweepId, config.name(), config.method().wandbName(),
                        input.configJson().toString(), input.notes(), input.retries(), nowMs);
                if (pk != null) {
                    return view(c, store.find(c, project, sweepId));
                }
            }
            throw new IllegalStateException("no free sweep id after " + NEW_ID_ATTEMPTS + " attempts in " + project);
        });
    }

    ObjectNode get(SweepKey key) {
        return database.withHandle(c -> view(c, require(c, key, false)));
    }

    List<ObjectNode> list(String entity, String projectName) {
        return database.withHandle(c -> {
            Project project = ProjectStore.require(c, entity, projectName);
            List<ObjectNode> views = new ArrayList<>();
            for (SweepRow sweep : store.list(c, project)) {
                views.add(view(c, sweep));
            }
            return views;
        });
    }

    ObjectNode updateNotes(SweepKey key, String notes) {
        return database.inTransaction(c -> {
            SweepRow sweep = require(c, key, true);
            store.updateNotes(c, sweep.pk(), notes, clock.millis());
            return view(c, store.find(c, sweep.project(), sweep.sweepId()));
        });
    }

    /** A user's pause, resume, stop or cancel: 409 naming the state when {@code allowed} says no. */
    ObjectNode transition(SweepKey key, String action, Predicate<SweepState> allowed, SweepState target) {
        return database.inTransaction(c -> {
            SweepRow sweep = require(c, key, true);
            if (!allowed.test(sweep.state())) {
                throw new ApiException.Conflict("sweep " + key + " is " + sweep.state().wireName() + " and cannot "
                        + action + "; pause works on a running sweep, resume on a paused one, stop and cancel on a"
                        + " running or paused one");
            }
            store.updateState(c, sweep.pk(), target, clock.millis());
            return view(c, store.find(c, sweep.project(), sweep.sweepId()));
        });
    }

    /**
     * Removes the sweep ({@link SweepDeletion}): its runs become ordinary runs, or go to the trash with
     * {@code deleteRuns}; 409 while it hands out trials and some are running, unless {@code force}.
     */
    ObjectNode delete(SweepKey key, boolean deleteRuns, boolean force) {
        SweepDeletion.Outcome outcome = database.inTransaction(c -> {
            SweepRow sweep = require(c, key, true);
            List<SweepMember> sweepRuns = SweepMembers.read(c, sweep, configs.config(sweep).metric(), members);
            return SweepDeletion.delete(c, sweep, key, sweepRuns, deleteRuns, force, clock.millis());
        });
        configs.forget(outcome.sweepPk());
        members.forget(outcome.sweepPk());
        earlyStop.forget(outcome.sweepPk());
        for (RunKey run : outcome.changedRuns()) {
            ObjectNode view = runs.findIncludingDeleted(run);
            if (view != null) {
                live.runChanged(view);
            }
        }
        return outcome.answer();
    }

    /** {@code {"sweep_state":..,"run":{"id":..,"params":{..}}|null}}: one trial, or why there is none. */
    ObjectNode next(SweepKey key, String agent) {
        TrialDispenser.Proposal proposal = database.withHandle(c -> dispenser.propose(c, require(c, key, false)));
        return database.inTransaction(c -> dispenser.next(c, require(c, key, true), agent, clock.millis(), proposal));
    }

    /**
     * Whether the run should end: its sweep was canceled, it is {@link Superseded} (it came back after its grid
     * point went to another run), or hyperband says it falls behind.
     */
    boolean shouldStop(Project project, String sweepId, String runId) {
        return database.withHandle(c -> {
            SweepRow sweep = store.find(c, project, sweepId);
            if (sweep == null) {
                return false;
            }
            if (sweep.state() == SweepState.CANCELED) {
                return true;
            }
            SweepConfigs.Parsed parsed = configs.of(sweep);
            SweepConfig config = parsed.config();
            if (parsed.grid() != null
                    && Superseded.runIds(parsed, SweepMembers.read(c, sweep, config.metric(), members)).contains(runId)) {
                return true;
            }
            return config.earlyTerminate().isPresent() && earlyStop.runsToStop(c, sweep, config).contains(runId);
        });
    }

    private ObjectNode view(Connection c, SweepRow sweep) throws SQLException {
        SweepConfigs.Parsed parsed = configs.of(sweep);
        return SweepView.of(sweep, parsed, SweepMembers.read(c, sweep, parsed.config().metric(), members));
    }

    /** The sweep (locked for this transaction when {@code forUpdate}); 404 when it or its project is unknown. */
    private SweepRow require(Connection c, SweepKey key, boolean forUpdate) throws SQLException {
        Project project = ProjectStore.find(c, key.entity(), key.project());
        SweepRow sweep = project == null ? null
                : forUpdate ? store.findForUpdate(c, project, key.sweep()) : store.find(c, project, key.sweep());
        if (sweep == null) {
            throw new ApiException.NotFound("sweep " + key + " not found; check the entity, project and sweep id"
                    + " (GET /api/v1/sweeps/" + key.entity() + "/" + key.project() + " lists the project's sweeps)");
        }
        return sweep;
    }
}
