package dev.cairn.core.sweep.stop;

import dev.cairn.core.sweep.SweepConfig;
import dev.cairn.core.sweep.TrialState;
import dev.cairn.core.sweep.config.Goal;
import dev.cairn.core.sweep.config.HyperbandConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Hyperband early termination as W&amp;B's sweep engine applies it: a pure function from the
 * sweep's metric histories to the runs to stop.
 *
 * <pre>{@code
 * Hyperband hyperband = Hyperband.of(config);        // config has early_terminate
 * Set<String> stop = hyperband.runsToStop(List.of(
 *     new RunHistory("a", TrialState.FINISHED, List.of(0.9, 0.5, 0.3)),
 *     new RunHistory("b", TrialState.RUNNING, List.of(0.9, 0.8, 0.8))));
 * }</pre>
 *
 * <h2>The rule</h2>
 * Iteration {@code i} of a run is the i-th finite value it logged. Values are turned so lower
 * is better (negated when the goal is maximize). Then:
 * <ol>
 * <li><b>Bands</b> are iterations: {@code min_iter * eta^k} (k = 0, 1, ...) or
 *     {@code max_iter / eta^k} (k = 1..s), truncated to integers.</li>
 * <li><b>Threshold</b> of band {@code b}: take the value at iteration {@code b} of every run,
 *     in any state, that has reached it; sort ascending; the threshold is the element at index
 *     {@code floor(count / eta)}. So about the best 1/eta of runs (plus one) are at or under
 *     it.</li>
 * <li>A <b>running</b> run is judged at the last band it has reached. With {@code strict}
 *     (the default, as in W&amp;B's schema) its value at that band is compared; without, its best
 *     value so far, which forgives a run that dipped at the band but has recovered since.
 *     It is stopped when that value is strictly worse than the threshold.</li>
 * </ol>
 * Runs that have not reached the first band are never stopped.
 */
public final class Hyperband {

    private final HyperbandConfig settings;
    private final Goal goal;

    public Hyperband(HyperbandConfig settings, Goal goal) {
        this.settings = settings;
        this.goal = goal;
    }

    /** @throws IllegalArgumentException when the config has no early_terminate section */
    public static Hyperband of(SweepConfig config) {
        HyperbandConfig settings = config.earlyTerminate()
                .orElseThrow(() -> new IllegalArgumentException("sweep config has no early_terminate"));
        // The parser refuses early_terminate without a metric, so this only guards hand-built configs.
        Goal goal = config.metric().orElseThrow(() -> new IllegalArgumentException("hyperband needs a metric")).goal();
        return new Hyperband(settings, goal);
    }

    /** Ids of running runs that fall behind at their latest band, in input order. */
    public Set<String> runsToStop(Collection<RunHistory> runs) {
        List<List<Double>> histories = new ArrayList<>();
        int longest = 0;
        for (RunHistory run : runs) {
            List<Double> oriented = run.iterations().stream().map(goal::lowerIsBetter).toList();
            histories.add(oriented);
            longest = Math.max(longest, oriented.size());
        }
        List<Integer> bands = settings.bandsUpTo(longest);
        double[] thresholds = bands.stream().mapToDouble(b -> threshold(b, histories)).toArray();

        Set<String> stop = new LinkedHashSet<>();
        int index = 0;
        for (RunHistory run : runs) {
            List<Double> history = histories.get(index++);
            int reached = lastBandReached(bands, history.size());
            if (run.state() != TrialState.RUNNING || reached < 0) {
                continue;
            }
            double judged = settings.isStrict()
                    ? history.get(bands.get(reached) - 1)
                    : history.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            if (judged > thresholds[reached]) {
                stop.add(run.runId());
            }
        }
        return stop;
    }

    /** The band iterations up to {@code lastIteration}, e.g. for showing them in a UI. */
    public List<Integer> bandsUpTo(int lastIteration) {
        return settings.bandsUpTo(lastIteration);
    }

    private double threshold(int band, List<List<Double>> histories) {
        double[] values = histories.stream()
                .filter(h -> h.size() >= band)
                .mapToDouble(h -> h.get(band - 1))
                .sorted()
                .toArray();
        return values[(int) Math.floor(values.length / settings.eta())];
    }

    private static int lastBandReached(List<Integer> bands, int iterations) {
        int reached = -1;
        for (int i = 0; i < bands.size() && bands.get(i) <= iterations; i++) {
            reached = i;
        }
        return reached;
    }
}
