package dev.cairn.core.sweep;

import java.util.Map;
import java.util.Objects;

/**
 * One run of a sweep as the search needs to know it: the parameters it was given, its state,
 * and its metric. The search algorithms take the whole list of trials every time and keep no
 * state of their own, so a controller can rebuild them from its database after a restart.
 *
 * <pre>{@code
 * List<Trial> history = List.of(
 *     Trial.finished(Map.of("lr", 0.01), 0.31),
 *     Trial.running(Map.of("lr", 0.002)),
 *     Trial.of(Map.of("lr", 0.5), TrialState.FAILED));
 * }</pre>
 *
 * @param params the suggested values, nested as {@link SweepSearch#next} returned them
 * @param state  where the trial is
 * @param metric the metric's summary value, NaN when none was logged
 */
public record Trial(Map<String, Object> params, TrialState state, double metric) {

    public Trial {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(state, "state");
    }

    /** A trial without a metric (yet). */
    public static Trial of(Map<String, Object> params, TrialState state) {
        return new Trial(params, state, Double.NaN);
    }

    /** A trial that is still going. */
    public static Trial running(Map<String, Object> params) {
        return of(params, TrialState.RUNNING);
    }

    /** A trial that ended normally with this metric value. */
    public static Trial finished(Map<String, Object> params, double metric) {
        return new Trial(params, TrialState.FINISHED, metric);
    }

    /** Whether a finite metric value was logged. */
    public boolean hasMetric() {
        return Double.isFinite(metric);
    }
}
