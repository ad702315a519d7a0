package dev.cairn.core.sweep.config;

import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * One swept value: a leaf of the {@code parameters} block. Nested blocks are flattened into
 * leaves whose {@link #path()} has several parts; suggestions put them back into nested maps.
 *
 * <p>Every parameter maps its values onto the unit interval and back ({@link #toUnit} is the
 * cumulative distribution function, {@link #fromUnit} its inverse). Random search draws
 * {@code fromUnit(uniform)}; Bayesian search models the metric over these unit coordinates, so
 * a log-uniform learning rate is searched evenly in log space without special cases.
 *
 * <pre>{@code
 * Parameter lr = config.parameters().get(0);     // lr: {distribution: log_uniform_values, min: 1e-4, max: 1e-1}
 * lr.fromUnit(0.5);                              // ~0.00316, the geometric midpoint
 * lr.toUnit(0.001);                              // ~0.333
 * }</pre>
 */
public sealed interface Parameter permits Constant, Categorical, IntUniform, Continuous {

    /** The keys from the top of {@code parameters} down to this leaf, e.g. [optimizer, lr]. */
    List<String> path();

    /** The distribution this parameter was declared (or inferred) with. */
    Distribution distribution();

    /** The value at quantile {@code u} in [0, 1]. */
    Object fromUnit(double u);

    /**
     * The quantile of {@code value} in [0, 1]; NaN when the value is not one this parameter can
     * produce (another type, an unknown category).
     */
    double toUnit(Object value);

    /**
     * The finite list of values grid search walks, in order; empty when the distribution is
     * continuous and cannot be enumerated.
     */
    Optional<List<Object>> gridValues();

    /** A random draw from this parameter's distribution. */
    default Object sample(Random rng) {
        return fromUnit(rng.nextDouble());
    }

    /** Whether the parameter varies at all (constants do not, and take no search dimension). */
    default boolean isSearchable() {
        return true;
    }

    /** The dotted path, e.g. {@code optimizer.lr}, as used in error messages. */
    default String name() {
        return String.join(".", path());
    }
}
