package dev.cairn.core.sweep.internal;

import dev.cairn.core.sweep.config.Categorical;
import dev.cairn.core.sweep.config.Constant;
import dev.cairn.core.sweep.config.Distribution;
import dev.cairn.core.sweep.config.IntUniform;
import dev.cairn.core.sweep.config.Parameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code parameters} block, recursing into nested blocks, into flat leaves. Infers the
 * distribution as W&amp;B does when none is given: {@code values} means categorical, {@code value}
 * constant, integer {@code min}/{@code max} int_uniform, other numbers uniform.
 */
final class ParameterReader {

    private static final String EXAMPLE = "{values: [16, 32]} or {min: 0.001, max: 0.1}";

    private final Problems problems;

    ParameterReader(Problems problems) {
        this.problems = problems;
    }

    List<Parameter> readBlock(Object raw, String path, List<String> prefix) {
        List<Parameter> leaves = new ArrayList<>();
        if (raw == null) {
            problems.add(path, "missing; add at least one parameter, e.g. lr: {min: 0.0001, max: 0.1}");
            return leaves;
        }
        Node block = Node.of(raw, path, problems, "{lr: {min: 0.0001, max: 0.1}}");
        if (block == null) {
            return leaves;
        }
        if (block.map.isEmpty()) {
            problems.add(path, "is empty; add at least one parameter, e.g. lr: {min: 0.0001, max: 0.1}");
        }
        for (Map.Entry<?, ?> entry : block.map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            List<String> leafPath = new ArrayList<>(prefix);
            leafPath.add(name);
            Node spec = Node.of(entry.getValue(), block.at(name), problems, EXAMPLE);
            if (spec == null) {
                continue;
            }
            if (spec.has("parameters")) {
                spec.rejectUnknown(Set.of("parameters"), "nested parameter");
                leaves.addAll(readBlock(spec.raw("parameters"), spec.at("parameters"), leafPath));
            } else {
                Parameter leaf = readLeaf(spec, leafPath);
                if (leaf != null) {
                    leaves.add(leaf);
                }
            }
        }
        return leaves;
    }

    private Parameter readLeaf(Node spec, List<String> path) {
        Distribution distribution = distribution(spec);
        if (distribution == null) {
            return null;
        }
        Set<String> allowed = new HashSet<>(distribution.keys());
        allowed.add("distribution");
        spec.rejectUnknown(allowed, distribution.wandbName());
        return switch (distribution) {
            case CONSTANT -> new Constant(path, spec.raw("value"));
            case CATEGORICAL -> categorical(spec, path);
            case INT_UNIFORM -> intUniform(spec, path);
            default -> new ContinuousReader(spec).read(path, distribution);
        };
    }

    private Distribution distribution(Node spec) {
        if (spec.has("distribution")) {
            Object name = spec.raw("distribution");
            var known = name instanceof String s ? Distribution.byName(s) : java.util.Optional.<Distribution>empty();
            if (known.isEmpty()) {
                problems.notOneOf(spec.at("distribution"), name, "a distribution", Distribution.wandbNames());
            }
            return known.orElse(null);
        }
        if (spec.has("value") && spec.has("values")) {
            problems.add(spec.path, "has both 'value' and 'values'; keep one");
            return null;
        }
        if (spec.has("values")) {
            return Distribution.CATEGORICAL;
        }
        if (spec.has("value")) {
            return Distribution.CONSTANT;
        }
        if (spec.has("min") && spec.has("max")) {
            boolean ints = Node.isInteger(spec.raw("min")) && Node.isInteger(spec.raw("max"));
            return ints ? Distribution.INT_UNIFORM : Distribution.UNIFORM;
        }
        if (spec.has("min") || spec.has("max")) {
            problems.add(spec.path, "needs both min and max");
        } else {
            problems.add(spec.path, "cannot tell what to sweep; give value, values, min and max, or a distribution");
        }
        return null;
    }

    private Parameter categorical(Node spec, List<String> path) {
        Object values = spec.raw("values");
        if (!(values instanceof List<?> list) || list.isEmpty()) {
            problems.add(spec.at("values"), values == null
                    ? "missing; list the choices, e.g. values: [adam, sgd]"
                    : "must be a non-empty list, got " + Problems.show(values));
            return null;
        }
        List<Double> probabilities = new Probabilities(spec, list.size()).read();
        return probabilities == null ? null : new Categorical(path, new ArrayList<>(list), probabilities);
    }

    private Parameter intUniform(Node spec, List<String> path) {
        Long min = spec.integer("min");
        Long max = spec.integer("max");
        if (!spec.has("min") || !spec.has("max")) {
            problems.add(spec.path, "int_uniform needs both min and max");
            return null;
        }
        if (min == null || max == null) {
            return null;
        }
        if (min >= max) {
            problems.add(spec.at("min"), "must be less than max (got min=" + min + ", max=" + max + ")");
            return null;
        }
        return new IntUniform(path, min, max);
    }
}
