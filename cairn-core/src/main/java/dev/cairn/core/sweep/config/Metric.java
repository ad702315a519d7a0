package dev.cairn.core.sweep.config;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The metric a sweep optimises: {@code metric} in a sweep file.
 *
 * <pre>{@code
 * # sweep.yaml
 * metric:
 *   name: val_loss
 *   goal: minimize     # default
 *   target: 0.05       # optional: no new runs once a run reaches it
 * }</pre>
 *
 * @param name   the logged key the training script reports, e.g. {@code val_loss}
 * @param goal   whether smaller or larger is better
 * @param target a value that ends the sweep once any run reaches it, if set
 */
public record Metric(String name, Goal goal, OptionalDouble target) {

    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(target, "target");
    }

    /** A metric to minimise, without a target. */
    public static Metric minimize(String name) {
        return new Metric(name, Goal.MINIMIZE, OptionalDouble.empty());
    }

    /** A metric to maximise, without a target. */
    public static Metric maximize(String name) {
        return new Metric(name, Goal.MAXIMIZE, OptionalDouble.empty());
    }

    /**
     * Whether {@code value} reaches the target ({@code <=} when minimising, {@code >=} when
     * maximising). False when there is no target or the value is not a finite number.
     */
    public boolean hasReachedTarget(double value) {
        if (target.isEmpty() || !Double.isFinite(value)) {
            return false;
        }
        return goal.lowerIsBetter(value) <= goal.lowerIsBetter(target.getAsDouble());
    }
}
