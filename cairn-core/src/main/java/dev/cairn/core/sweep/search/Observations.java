package dev.cairn.core.sweep.search;

import dev.cairn.core.sweep.Trial;
import dev.cairn.core.sweep.TrialState;
import dev.cairn.core.sweep.config.Goal;
import dev.cairn.core.sweep.internal.GaussianProcess;
import dev.cairn.core.sweep.internal.UnitSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A sweep's history as Bayesian search sees it: completed points with a target where lower is
 * better (failures imputed as the worst value seen), and running points, which have none yet.
 * Completed points keep the history's order, so that the model of one call shares its leading
 * points with the next call's ({@link dev.cairn.core.sweep.internal.KernelFactor}).
 */
final class Observations {

    private final List<double[]> completed = new ArrayList<>();
    /** Lower-is-better metric of each completed point; NaN for a failure (imputed when read). */
    private final List<Double> rawTargets = new ArrayList<>();
    private final List<double[]> running = new ArrayList<>();
    private final Set<List<Object>> allKeys = new HashSet<>();
    private final Set<List<Object>> runningKeys = new HashSet<>();
    private int observedCount;

    Observations(UnitSpace space, Goal goal, List<Trial> history) {
        for (Trial trial : history) {
            List<Object> key = space.key(trial.params());
            allKeys.add(key);
            double[] point = space.toUnit(trial.params());
            if (trial.state() == TrialState.RUNNING) {
                runningKeys.add(key);
                if (point != null) {
                    running.add(point);
                }
            } else if (point == null) {
                continue;
            } else if (trial.state() == TrialState.FINISHED && trial.hasMetric()) {
                completed.add(point);
                rawTargets.add(goal.lowerIsBetter(trial.metric()));
                observedCount++;
            } else {
                completed.add(point);
                rawTargets.add(Double.NaN);
            }
        }
    }

    /** Trials that finished with a finite metric. */
    int observedCount() {
        return observedCount;
    }

    double[][] completedPoints() {
        return completed.toArray(double[][]::new);
    }

    /**
     * The completed points the model's hyper-parameters are chosen on: the first ones in the history, a count
     * that moves in steps ({@link #hyperCount}), so that choosing them, the slow part of fitting, is repeated
     * only every few new trials; the model itself uses every point.
     */
    double[][] hyperPoints() {
        return completed.subList(0, hyperCount()).toArray(double[][]::new);
    }

    /** The standardised targets of {@link #hyperPoints}, failures imputed among those points. */
    double[] hyperTargets() {
        return standardised(rawTargets.subList(0, hyperCount()));
    }

    /**
     * All completed points while there are fewer than 128 (so sweeps of up to 127 trials choose on every
     * one, as a search without this step would), then rounded down to a multiple of 4 (up to 255), 8 (up to
     * 511), 16, ...: 32 choices per doubling of the history, each on at least 97% of the trials. All of them
     * when the rounded-down ones hold fewer than 2 finished trials.
     */
    int hyperCount() {
        int count = completed.size();
        int step = count < 128 ? 1 : Integer.highestOneBit(count) / 32;
        int rounded = count - count % step;
        long finished = rawTargets.subList(0, rounded).stream().filter(v -> !Double.isNaN(v)).count();
        return finished >= 2 ? rounded : count;
    }

    List<double[]> runningPoints() {
        return running;
    }

    double[][] allPoints() {
        List<double[]> all = new ArrayList<>(completed);
        all.addAll(running);
        return all.toArray(double[][]::new);
    }

    /** Targets as z-scores, so the kernel's unit signal variance fits any metric's scale. */
    double[] standardisedTargets() {
        return standardised(rawTargets);
    }

    /** Z-scores of {@code raw}, each failure (NaN) counted as the worst finished value among them. */
    private static double[] standardised(List<Double> raw) {
        double worst = raw.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v))
                .max().orElse(0);
        double[] values = raw.stream().mapToDouble(v -> Double.isNaN(v) ? worst : v).toArray();
        double mean = Arrays.stream(values).average().orElse(0);
        double variance = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, values.length);
        double sd = variance > 1e-24 ? Math.sqrt(variance) : 1;
        return Arrays.stream(values).map(v -> (v - mean) / sd).toArray();
    }

    /** The completed targets followed by the model's mean at each running point. */
    double[] withBelieved(GaussianProcess model, double[] targets) {
        double[] all = new double[completed.size() + running.size()];
        System.arraycopy(targets, 0, all, 0, targets.length);
        for (int i = 0; i < running.size(); i++) {
            all[targets.length + i] = model.mean(running.get(i));
        }
        return all;
    }

    double incumbent(double[] targets) {
        return IntStream.range(0, targets.length).mapToDouble(i -> targets[i]).min().orElse(0);
    }

    /** The {@code count} completed points with the lowest targets, to search around. */
    List<double[]> bestPoints(int count, double[] targets) {
        return IntStream.range(0, targets.length).boxed()
                .sorted(Comparator.comparingDouble(i -> targets[i]))
                .limit(count)
                .map(completed::get)
                .toList();
    }

    Set<List<Object>> allKeys() {
        return allKeys;
    }

    Set<List<Object>> runningKeys() {
        return runningKeys;
    }
}
