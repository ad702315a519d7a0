package dev.cairn.core.sweep.internal;

import dev.cairn.core.sweep.config.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The searchable parameters of a sweep as coordinates in the unit cube, one axis per
 * non-constant leaf, and the way back to the nested parameter maps trials are given.
 */
public final class UnitSpace {

    private final List<Parameter> leaves;
    private final List<Parameter> axes;

    public UnitSpace(List<Parameter> leaves) {
        this.leaves = List.copyOf(leaves);
        this.axes = leaves.stream().filter(Parameter::isSearchable).toList();
    }

    public int dimensions() {
        return axes.size();
    }

    /** The trial's coordinates, or null when one of its values is missing or out of range. */
    public double[] toUnit(Map<String, Object> params) {
        double[] u = new double[axes.size()];
        for (int i = 0; i < u.length; i++) {
            Parameter axis = axes.get(i);
            Object value = valueAt(params, axis.path());
            u[i] = value == MISSING ? Double.NaN : axis.toUnit(value);
            if (Double.isNaN(u[i])) {
                return null;
            }
        }
        return u;
    }

    /** The nested parameter map for coordinates {@code u}, constants included. */
    public Map<String, Object> toParams(double[] u) {
        Map<String, Object> params = new LinkedHashMap<>();
        int axis = 0;
        for (Parameter leaf : leaves) {
            Object value = leaf.isSearchable() ? leaf.fromUnit(u[axis++]) : leaf.fromUnit(0.5);
            put(params, leaf.path(), value);
        }
        return params;
    }

    /**
     * Snaps coordinates to what the parameters can actually produce (the middle of an integer's
     * or category's slice, a multiple of q), so the model scores the point that will be run.
     */
    public double[] project(double[] u) {
        double[] snapped = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            Parameter axis = axes.get(i);
            snapped[i] = axis.toUnit(axis.fromUnit(u[i]));
            if (Double.isNaN(snapped[i])) {
                snapped[i] = u[i];
            }
        }
        return snapped;
    }

    /** One independent draw per leaf. */
    public Map<String, Object> sample(Random rng) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (Parameter leaf : leaves) {
            put(params, leaf.path(), leaf.sample(rng));
        }
        return params;
    }

    /** The canonical values of every leaf, for "is this the same point" checks. */
    public List<Object> key(Map<String, Object> params) {
        List<Object> key = new ArrayList<>(leaves.size());
        for (Parameter leaf : leaves) {
            key.add(ValueKey.of(valueAt(params, leaf.path())));
        }
        return key;
    }

    /** Sentinel for a path the map does not have (null is a legitimate value). */
    public static final Object MISSING = new Object();

    public static Object valueAt(Map<String, Object> params, List<String> path) {
        Object node = params;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return MISSING;
            }
            node = map.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    public static void put(Map<String, Object> params, List<String> path, Object value) {
        Map<String, Object> node = params;
        for (String key : path.subList(0, path.size() - 1)) {
            node = (Map<String, Object>) node.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
        }
        node.put(path.get(path.size() - 1), value);
    }
}
