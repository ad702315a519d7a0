package dev.cairn.core.sweep.internal;

import java.util.ArrayList;
import java.util.List;

/** Reads and checks the optional {@code probabilities} of a categorical parameter. */
final class Probabilities {

    /** Slack for decimal fractions written by hand, e.g. [0.1, 0.2, 0.7]. */
    private static final double SUM_TOLERANCE = 1e-6;

    private final Node spec;
    private final int valueCount;

    Probabilities(Node spec, int valueCount) {
        this.spec = spec;
        this.valueCount = valueCount;
    }

    /** One probability per value, empty for equal chances, or null after reporting a problem. */
    List<Double> read() {
        if (!spec.has("probabilities")) {
            return List.of();
        }
        String path = spec.at("probabilities");
        Object raw = spec.raw("probabilities");
        if (!(raw instanceof List<?> list)) {
            spec.problems.add(path, "must be a list of numbers, got " + Problems.show(raw));
            return null;
        }
        if (list.size() != valueCount) {
            spec.problems.add(path, "needs one probability per value (got " + list.size()
                    + " for " + valueCount + " values)");
            return null;
        }
        List<Double> probabilities = new ArrayList<>();
        double sum = 0;
        for (Object p : list) {
            if (!(p instanceof Number n) || !(n.doubleValue() >= 0)) {
                spec.problems.add(path, "must be numbers of at least 0, got " + Problems.show(p));
                return null;
            }
            probabilities.add(n.doubleValue());
            sum += n.doubleValue();
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            spec.problems.add(path, "must sum to 1 (got " + (float) sum + ")");
            return null;
        }
        return probabilities;
    }
}
