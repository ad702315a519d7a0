package dev.cairn.core.sweep;

import dev.cairn.core.sweep.config.Metric;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether a sweep should start more trials, and which trial is best so far.
 *
 * <pre>{@code
 * if (SweepProgress.isDone(config, trials)) {
 *     // stop handing out trials; running ones finish on their own
 * }
 * SweepProgress.best(config, trials).map(Trial::metric);
 * }</pre>
 */
public final class SweepProgress {

    private SweepProgress() {
    }

    /**
     * Whether no more trials should start: {@code run_cap} trials exist (in any state, as W&amp;B
     * counts runs created), or some trial's metric has reached {@code metric.target}. Running
     * trials count for the target too: W&amp;B stops creating runs as soon as one reaches it.
     * Grid exhaustion is not covered here: {@link SweepSearch#next} returns empty for it.
     */
    public static boolean isDone(SweepConfig config, List<Trial> trials) {
        return hasReachedRunCap(config, trials) || hasReachedTarget(config, trials);
    }

    public static boolean hasReachedRunCap(SweepConfig config, List<Trial> trials) {
        return config.runCap().isPresent() && trials.size() >= config.runCap().getAsInt();
    }

    public static boolean hasReachedTarget(SweepConfig config, List<Trial> trials) {
        Optional<Metric> metric = config.metric();
        return metric.isPresent() && trials.stream().anyMatch(t -> metric.get().hasReachedTarget(t.metric()));
    }

    /** The trial with the best finite metric, respecting the goal; empty without a metric. */
    public static Optional<Trial> best(SweepConfig config, List<Trial> trials) {
        if (config.metric().isEmpty()) {
            return Optional.empty();
        }
        var goal = config.metric().get().goal();
        return trials.stream()
                .filter(Trial::hasMetric)
                .min(Comparator.comparingDouble(t -> goal.lowerIsBetter(t.metric())));
    }
}
