package dev.cairn.server.sweep;

import dev.cairn.core.run.RunState;
import dev.cairn.core.sweep.Trial;
import dev.cairn.core.sweep.TrialState;
import java.util.Map;

/**
 * One run a sweep created, as the controller needs it: the parameters it was given, its state and its value
 * of the sweep's metric (NaN when it logged none).
 */
record SweepMember(long runPk, String runId, RunState state, Map<String, Object> params, double metric,
                   boolean isDeleted) {

    Trial trial() {
        return new Trial(params, trialState(state), metric);
    }

    boolean isRunning() {
        return state == RunState.RUNNING;
    }

    static TrialState trialState(RunState state) {
        return switch (state) {
            case RUNNING -> TrialState.RUNNING;
            case FINISHED -> TrialState.FINISHED;
            case FAILED -> TrialState.FAILED;
            case CRASHED -> TrialState.CRASHED;
            case KILLED -> TrialState.KILLED;
        };
    }
}
