package dev.cairn.core.sweep.internal;

import dev.cairn.core.sweep.config.Continuous;
import dev.cairn.core.sweep.config.Distribution;
import java.util.List;

/**
 * Reads a real-valued parameter block, filling W&amp;B's defaults (mu 0, sigma 1, a 1, b 1,
 * q 1.0) and checking the bounds the distribution needs.
 */
final class ContinuousReader {

    private final Node spec;
    private boolean isValid = true;

    ContinuousReader(Node spec) {
        this.spec = spec;
    }

    Continuous read(List<String> path, Distribution distribution) {
        double min = 0;
        double max = 0;
        if (distribution.needsBounds()) {
            Double lo = required("min", distribution);
            Double hi = required("max", distribution);
            if (lo != null && hi != null) {
                min = lo;
                max = hi;
                if (min >= max) {
                    fail("min", "must be less than max (got min=" + show(spec.raw("min")) + ", max=" + show(spec.raw("max")) + ")");
                }
                if (takesValues(distribution) && min <= 0) {
                    fail("min", "must be greater than 0 for " + distribution.wandbName()
                            + " (got " + show(spec.raw("min")) + "); for exponents use "
                            + distribution.wandbName().replace("_values", ""));
                }
            }
        }
        double mu = optional("mu", 0.0);
        double sigma = positive("sigma", 1.0);
        double a = positive("a", 1.0);
        double b = positive("b", 1.0);
        double q = distribution.isQuantised() ? positive("q", 1.0) : 0;
        boolean isIntegerQ = spec.has("q") && Node.isInteger(spec.raw("q"));
        return isValid
                ? new Continuous(path, distribution, min, max, mu, sigma, a, b, q, isIntegerQ)
                : null;
    }

    private static boolean takesValues(Distribution d) {
        return d.wandbName().endsWith("_values");
    }

    private Double required(String key, Distribution distribution) {
        if (!spec.has(key)) {
            fail(key, "missing; " + distribution.wandbName() + " needs min and max");
            return null;
        }
        Double value = spec.number(key);
        if (value == null) {
            isValid = false;
        }
        return value;
    }

    private double optional(String key, double fallback) {
        if (!spec.has(key)) {
            return fallback;
        }
        Double value = spec.number(key);
        if (value == null) {
            isValid = false;
            return fallback;
        }
        return value;
    }

    private double positive(String key, double fallback) {
        Double value = spec.has(key) ? spec.number(key) : Double.valueOf(fallback);
        if (value == null) {
            isValid = false;
            return fallback;
        }
        if (!(value > 0)) {
            fail(key, "must be greater than 0 (got " + show(spec.raw(key)) + ")");
        }
        return value;
    }

    private void fail(String key, String message) {
        spec.problems.add(spec.at(key), message);
        isValid = false;
    }

    private static String show(Object value) {
        return Problems.show(value);
    }
}
