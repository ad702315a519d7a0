package dev.cairn.core.sweep.config;

import java.util.List;
import java.util.Optional;

/**
 * A parameter that always has the same value: {@code epochs: {value: 10}}.
 *
 * <pre>{@code
 * new Constant(List.of("epochs"), 10).sample(rng);   // 10
 * }</pre>
 *
 * @param path  the keys down to this leaf
 * @param value the value, as parsed (may be a string, number, boolean, list or null)
 */
public record Constant(List<String> path, Object value) implements Parameter {

    public Constant {
        path = List.copyOf(path);
    }

    @Override
    public Distribution distribution() {
        return Distribution.CONSTANT;
    }

    @Override
    public Object fromUnit(double u) {
        return value;
    }

    @Override
    public double toUnit(Object candidate) {
        return 0.5;
    }

    @Override
    public Optional<List<Object>> gridValues() {
        return Optional.of(java.util.Collections.singletonList(value));
    }

    @Override
    public boolean isSearchable() {
        return false;
    }
}
