package dev.cairn.core.sweep.config;

import dev.cairn.core.sweep.internal.BetaDistribution;
import dev.cairn.core.sweep.internal.NormalDistribution;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real-valued parameter: the uniform, log-uniform, normal, log-normal and beta families and
 * their {@code q_} (quantised) variants. Fields a distribution does not use hold their W&amp;B
 * defaults (mu 0, sigma 1, a 1, b 1) or 0 for q when not quantised.
 *
 * <pre>{@code
 * # lr ends up between e^-9 (0.000123) and e^-2 (0.135): log_uniform bounds are exponents
 * lr: {distribution: log_uniform, min: -9, max: -2}
 * # batch rounded to multiples of 16; an integer q gives integers
 * batch: {distribution: q_uniform, min: 16, max: 256, q: 16}
 * }</pre>
 *
 * @param path         the keys down to this leaf
 * @param distribution one of the continuous {@link Distribution}s
 * @param min          lower bound (exponent for log_uniform, q_log_uniform, inv_log_uniform)
 * @param max          upper bound, same convention
 * @param mu           mean of the normal families (of the log for log-normal)
 * @param sigma        standard deviation of the normal families
 * @param a            beta shape a
 * @param b            beta shape b
 * @param q            quantum for {@code q_} distributions: values are {@code round(x/q)*q}
 * @param isIntegerQ   whether q was written as an integer, which makes values integers (W&amp;B)
 */
public record Continuous(List<String> path, Distribution distribution, double min, double max,
                         double mu, double sigma, double a, double b, double q,
                         boolean isIntegerQ) implements Parameter {

    /** Open-interval clamp for distributions with infinite tails. */
    private static final double TAIL = 1e-9;

    public Continuous {
        path = List.copyOf(path);
    }

    @Override
    public Object fromUnit(double u) {
        double x = switch (distribution) {
            case UNIFORM, Q_UNIFORM -> clamp(min + u * (max - min), min, max);
            case LOG_UNIFORM, Q_LOG_UNIFORM -> Math.exp(clamp(min + u * (max - min), min, max));
            case LOG_UNIFORM_VALUES, Q_LOG_UNIFORM_VALUES, INV_LOG_UNIFORM_VALUES ->
                    clamp(Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))), min, max);
            case INV_LOG_UNIFORM -> Math.exp(-clamp(min + (1 - u) * (max - min), min, max));
            case NORMAL, Q_NORMAL -> mu + sigma * NormalDistribution.quantile(clamp(u, TAIL, 1 - TAIL));
            case LOG_NORMAL, Q_LOG_NORMAL ->
                    Math.exp(mu + sigma * NormalDistribution.quantile(clamp(u, TAIL, 1 - TAIL)));
            case BETA, Q_BETA -> BetaDistribution.quantile(clamp(u, 0, 1), a, b);
            default -> throw new IllegalStateException("not continuous: " + distribution);
        };
        return distribution.isQuantised() ? quantise(x) : x;
    }

    @Override
    public double toUnit(Object value) {
        if (!(value instanceof Number n)) {
            return Double.NaN;
        }
        double x = n.doubleValue();
        double u = switch (distribution) {
            case UNIFORM, Q_UNIFORM -> (x - min) / (max - min);
            case LOG_UNIFORM, Q_LOG_UNIFORM -> (Math.log(x) - min) / (max - min);
            case LOG_UNIFORM_VALUES, Q_LOG_UNIFORM_VALUES, INV_LOG_UNIFORM_VALUES ->
                    (Math.log(x) - Math.log(min)) / (Math.log(max) - Math.log(min));
            case INV_LOG_UNIFORM -> 1 - (-Math.log(x) - min) / (max - min);
            case NORMAL, Q_NORMAL -> NormalDistribution.cdf((x - mu) / sigma);
            case LOG_NORMAL, Q_LOG_NORMAL -> x <= 0 ? 0 : NormalDistribution.cdf((Math.log(x) - mu) / sigma);
            case BETA, Q_BETA -> BetaDistribution.cdf(x, a, b);
            default -> Double.NaN;
        };
        return Double.isNaN(u) ? u : clamp(u, 0, 1);
    }

    /**
     * Grid values for {@code q_uniform}: the multiples of q from min to max, both included
     * when they are multiples (W&amp;B stops short of max; we include it, matching what random
     * sampling can return). Other distributions cannot be enumerated.
     */
    @Override
    public Optional<List<Object>> gridValues() {
        if (distribution != Distribution.Q_UNIFORM) {
            return Optional.empty();
        }
        long first = (long) Math.ceil(min / q - 1e-9);
        long last = (long) Math.floor(max / q + 1e-9);
        if (last - first + 1 > IntUniform.MAX_GRID_VALUES) {
            return Optional.empty();
        }
        List<Object> values = new ArrayList<>();
        for (long k = first; k <= last; k++) {
            values.add(multiple(k));
        }
        return Optional.of(values);
    }

    private Object quantise(double x) {
        return multiple((long) Math.rint(x / q));
    }

    /** k*q without binary noise: 3 * 0.1 is 0.3, not 0.30000000000000004. */
    private Object multiple(long k) {
        if (isIntegerQ) {
            return IntUniform.narrow(k * (long) q);
        }
        return BigDecimal.valueOf(k).multiply(BigDecimal.valueOf(q)).doubleValue();
    }

    private static double clamp(double x, double low, double high) {
        return Math.max(low, Math.min(high, x));
    }
}
