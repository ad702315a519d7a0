package dev.cairn.core.sweep.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A whole number drawn evenly from {@code min} to {@code max}, both included:
 * {@code layers: {min: 1, max: 4}} (inferred when both bounds are integers).
 *
 * <pre>{@code
 * IntUniform layers = new IntUniform(List.of("layers"), 1, 4);
 * layers.fromUnit(0.99);     // 4
 * layers.gridValues();       // [1, 2, 3, 4]
 * }</pre>
 *
 * @param path the keys down to this leaf
 * @param min  the smallest value, included
 * @param max  the largest value, included; greater than {@code min}
 */
public record IntUniform(List<String> path, long min, long max) implements Parameter {

    /** Grids larger than this are refused rather than enumerated. */
    static final long MAX_GRID_VALUES = 1_000_000;

    public IntUniform {
        path = List.copyOf(path);
    }

    @Override
    public Distribution distribution() {
        return Distribution.INT_UNIFORM;
    }

    @Override
    public Object fromUnit(double u) {
        long count = max - min + 1;
        long offset = Math.min(count - 1, Math.max(0, (long) Math.floor(u * count)));
        return narrow(min + offset);
    }

    @Override
    public double toUnit(Object value) {
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            return Double.NaN;
        }
        long v = n.longValue();
        if (v < min || v > max) {
            return Double.NaN;
        }
        return (v - min + 0.5) / (max - min + 1);
    }

    @Override
    public Optional<List<Object>> gridValues() {
        if (max - min + 1 > MAX_GRID_VALUES) {
            return Optional.empty();
        }
        List<Object> values = new ArrayList<>();
        for (long v = min; v <= max; v++) {
            values.add(narrow(v));
        }
        return Optional.of(values);
    }

    /** Integers come back as {@code Integer} when they fit, as YAML and JSON parsers do. */
    static Object narrow(long value) {
        return value == (int) value ? (Object) (int) value : (Object) value;
    }
}
