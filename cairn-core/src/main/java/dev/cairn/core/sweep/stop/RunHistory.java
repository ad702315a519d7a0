package dev.cairn.core.sweep.stop;

import dev.cairn.core.sweep.TrialState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The values a run logged for the sweep's metric, in logging order, with its state.
 *
 * <pre>{@code
 * new RunHistory("run-7", TrialState.RUNNING, List.of(0.9, 0.7, 0.65));
 * }</pre>
 *
 * @param runId  the run's id, returned by {@link Hyperband#runsToStop} when it should stop
 * @param state  only {@code RUNNING} runs are ever stopped; all runs set the bar
 * @param values the metric as logged; nulls and NaNs are dropped before counting iterations
 *               (W&amp;B skips invalid values the same way)
 */
public record RunHistory(String runId, TrialState state, List<Double> values) {

    public RunHistory {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(state, "state");
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** The finite values in order: iteration i (1-based) is element i-1. */
    List<Double> iterations() {
        return values.stream().filter(v -> v != null && Double.isFinite(v)).toList();
    }
}
