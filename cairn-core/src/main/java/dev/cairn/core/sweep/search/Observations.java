package dev.cairn.core.sweep.search;

import dev.cairn.core.sweep.Trial;
import dev.cairn.core.sweep.TrialState;
import dev.cairn.core.sweep.config.Goal;
import dev.cairn.core.sweep.internal.GaussianProcess;
import dev.cairn.core.sweep.internal.UnitSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A sweep's history as Bayesian search sees it: completed points with a target where lower is
 * better (failures imputed as the worst value seen), and running points, which have none yet.
 */
final class Observations {

    private final List<double[]> completed = new ArrayList<>();
    private final List<Double> rawTargets = new ArrayList<>();
    private final List<double[]> running = new ArrayList<>();
    private final Set<List<Object>> allKeys = new HashSet<>();
    private final Set<List<Object>> runningKeys = new HashSet<>();
    private int observedCount;
    private double mean;
    private double sd = 1;

    Observations(UnitSpace space, Goal goal, List<Trial> history) {
        double worst = Double.NEGATIVE_INFINITY;
        List<double[]> failed = new ArrayList<>();
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
                double y = goal.lowerIsBetter(trial.metric());
                completed.add(point);
                rawTargets.add(y);
                worst = Math.max(worst, y);
                observedCount++;
            } else {
                failed.add(point);
            }
        }
        if (observedCount > 0) {
            for (double[] point : failed) {
                completed.add(point);
                rawTargets.add(worst);
            }
            mean = rawTargets.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double variance = rawTargets.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / rawTargets.size();
            sd = variance > 1e-24 ? Math.sqrt(variance) : 1;
        }
    }

    /** Trials that finished with a finite metric. */
    int observedCount() {
        return observedCount;
    }

    double[][] completedPoints() {
        return completed.toArray(double[][]::new);
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
        return rawTargets.stream().mapToDouble(v -> (v - mean) / sd).toArray();
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
