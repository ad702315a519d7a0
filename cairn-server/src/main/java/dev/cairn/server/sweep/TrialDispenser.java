package dev.cairn.server.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.json.Json;
import dev.cairn.core.sweep.Trial;
import dev.cairn.server.run.RunService;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * {@code next}: picks a sweep's next trial and creates its run, in the caller's transaction, which holds the
 * sweep's row lock (PostgreSQL {@code SELECT ... FOR UPDATE}; SQLite's single writer). So two agents asking at
 * once are served one after the other and the second sees the first one's run: no point is handed out twice.
 * The point is first picked outside the lock ({@link #propose}) and used under it only if the sweep's history
 * has not changed meanwhile; otherwise it is picked again under the lock.
 *
 * <p>The search is rebuilt from the sweep's runs each time (one indexed query): a run's state becomes its trial
 * state, its summary value of the metric its result; runs unchanged since the last call come parsed from a
 * {@link MemberCache}. Grid points of crashed runs come back up to the sweep's
 * {@code retries}. When the search has nothing left the sweep is {@code finished} once none of its runs is
 * running; until then the answer is {@code running} with no run, as a running run may yet crash and free its
 * point.
 */
final class TrialDispenser {
    private final SweepStore store;
    private final SweepConfigs configs;
    private final RunService runs;
    private final MemberCache cache;
    private final Random rng = new Random();

    TrialDispenser(SweepStore store, SweepConfigs configs, RunService runs, MemberCache cache) {
        this.store = store;
        this.configs = configs;
        this.runs = runs;
        this.cache = cache;
    }

    /** A point picked outside the lock, and the history it was picked from. */
    record Proposal(List<Trial> history, Optional<Map<String, Object>> point) {
    }

    /**
     * Picks a point without any lock (a read connection), so the slow part of {@code next}, fitting the
     * model, does not hold the sweep's lock, nor SQLite's single writer; null when the sweep is not running.
     */
    Proposal propose(Connection c, SweepRow sweep) throws SQLException {
        if (sweep.state() != SweepState.RUNNING) {
            return null;
        }
        SweepConfigs.Parsed parsed = configs.of(sweep);
        List<Trial> history = trials(SweepMembers.read(c, sweep, parsed.config().metric(), cache));
        return new Proposal(history, parsed.search().next(history, rng));
    }

    /**
     * In the caller's transaction, which holds the sweep's lock: takes the proposal when the sweep's history is
     * still the one it was picked from, else picks again, then creates the trial's run.
     */
    ObjectNode next(Connection c, SweepRow sweep, String agent, long nowMs, Proposal proposal) throws SQLException {
        if (sweep.state() != SweepState.RUNNING) {
            return answer(sweep.state(), null);
        }
        SweepConfigs.Parsed parsed = configs.of(sweep);
        List<SweepMember> members = SweepMembers.read(c, sweep, parsed.config().metric(), cache);
        List<Trial> trials = trials(members);
        Optional<Map<String, Object>> point = proposal != null && proposal.history().equals(trials)
                ? proposal.point() : parsed.search().next(trials, rng);
        if (point.isEmpty()) {
            if (members.stream().anyMatch(m -> m.isRunning() && !m.isDeleted())) {
                return answer(SweepState.RUNNING, null);
            }
            store.updateState(c, sweep.pk(), SweepState.FINISHED, nowMs);
            return answer(SweepState.FINISHED, null);
        }
        ObjectNode params = Json.mapper().valueToTree(point.get());
        ObjectNode metadata = Json.mapper().createObjectNode();
        if (agent != null) {
            metadata.put("agent", agent);
        }
        ObjectNode run = runs.startSweepRun(c, sweep.project(), sweep.sweepId(), params, metadata, nowMs);
        ObjectNode trial = Json.mapper().createObjectNode();
        trial.put("id", run.get("id").asText());
        trial.set("params", params);
        return answer(SweepState.RUNNING, trial);
    }

    private static List<Trial> trials(List<SweepMember> members) {
        return members.stream().map(SweepMember::trial).toList();
    }

    private static ObjectNode answer(SweepState state, ObjectNode run) {
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("sweep_state", state.wireName());
        answer.set("run", run);
        return answer;
    }
}
