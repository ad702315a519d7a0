package dev.cairn.core.sweep.config;

import dev.cairn.core.sweep.internal.ValueKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A parameter that takes one of a list of values, optionally with given probabilities:
 * {@code optimizer: {values: [adam, sgd], probabilities: [0.8, 0.2]}}.
 *
 * <p>On the unit interval each value owns a slice as wide as its probability, so
 * {@link #fromUnit} of a uniform draw samples with those probabilities, and Bayesian search sees
 * the values in their listed order.
 *
 * <pre>{@code
 * Categorical opt = new Categorical(List.of("optimizer"), List.of("adam", "sgd"), List.of(0.8, 0.2));
 * opt.fromUnit(0.5);       // "adam"
 * opt.toUnit("sgd");       // 0.9, the middle of sgd's slice
 * }</pre>
 *
 * @param path          the keys down to this leaf
 * @param values        the choices, as parsed; never empty
 * @param probabilities one per value summing to 1, or empty for equal chances
 */
public record Categorical(List<String> path, List<Object> values, List<Double> probabilities)
        implements Parameter {

    public Categorical {
        path = List.copyOf(path);
        values = Collections.unmodifiableList(new ArrayList<>(values));
        probabilities = List.copyOf(probabilities);
    }

    /** Whether the file gave explicit probabilities (grid search refuses those, as W&amp;B does). */
    public boolean hasProbabilities() {
        return !probabilities.isEmpty();
    }

    @Override
    public Distribution distribution() {
        return Distribution.CATEGORICAL;
    }

    @Override
    public Object fromUnit(double u) {
        double start = 0;
        for (int i = 0; i < values.size() - 1; i++) {
            start += weight(i);
            if (u < start) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }

    @Override
    public double toUnit(Object value) {
        Object key = ValueKey.of(value);
        double start = 0;
        for (int i = 0; i < values.size(); i++) {
            if (ValueKey.of(values.get(i)).equals(key)) {
                return start + weight(i) / 2;
            }
            start += weight(i);
        }
        return Double.NaN;
    }

    @Override
    public Optional<List<Object>> gridValues() {
        return Optional.of(values);
    }

    private double weight(int index) {
        return probabilities.isEmpty() ? 1.0 / values.size() : probabilities.get(index);
    }
}
