package dev.cairn.core.sweep.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The distributions a sweep parameter can have, spelled as in W&amp;B sweep files. Each knows which
 * keys its parameter block may use besides {@code distribution}.
 *
 * <p>Bounds follow W&amp;B: for {@code log_uniform}, {@code q_log_uniform} and
 * {@code inv_log_uniform} the {@code min}/{@code max} are natural-log exponents (values fall in
 * e^min..e^max, or e^-max..e^-min for the inverse); the {@code *_values} variants take the
 * values themselves.
 *
 * <pre>{@code
 * Distribution.byName("log_uniform_values").orElseThrow().keys();   // [min, max]
 * }</pre>
 */
public enum Distribution {
    CONSTANT(Set.of("value")),
    CATEGORICAL(Set.of("values", "probabilities")),
    INT_UNIFORM(Set.of("min", "max")),
    UNIFORM(Set.of("min", "max")),
    Q_UNIFORM(Set.of("min", "max", "q")),
    LOG_UNIFORM(Set.of("min", "max")),
    LOG_UNIFORM_VALUES(Set.of("min", "max")),
    Q_LOG_UNIFORM(Set.of("min", "max", "q")),
    Q_LOG_UNIFORM_VALUES(Set.of("min", "max", "q")),
    INV_LOG_UNIFORM(Set.of("min", "max")),
    INV_LOG_UNIFORM_VALUES(Set.of("min", "max")),
    NORMAL(Set.of("mu", "sigma")),
    Q_NORMAL(Set.of("mu", "sigma", "q")),
    LOG_NORMAL(Set.of("mu", "sigma")),
    Q_LOG_NORMAL(Set.of("mu", "sigma", "q")),
    BETA(Set.of("a", "b")),
    Q_BETA(Set.of("a", "b", "q"));

    private final Set<String> keys;

    Distribution(Set<String> keys) {
        this.keys = keys;
    }

    /** The spelling used in sweep files, e.g. {@code q_log_uniform_values}. */
    public String wandbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Keys the parameter block may hold besides {@code distribution}. */
    public Set<String> keys() {
        return keys;
    }

    /** Whether values are rounded to multiples of {@code q}. */
    public boolean isQuantised() {
        return name().startsWith("Q_");
    }

    /** Whether the block must give {@code min} and {@code max}. */
    public boolean needsBounds() {
        return keys.contains("min");
    }

    /**
     * The distribution spelled {@code name} in a sweep file. Also accepts W&amp;B's internal
     * {@code categorical_w_probabilities}, which appears in configs exported from W&amp;B.
     */
    public static Optional<Distribution> byName(String name) {
        if ("categorical_w_probabilities".equals(name)) {
            return Optional.of(CATEGORICAL);
        }
        return Arrays.stream(values()).filter(d -> d.wandbName().equals(name)).findFirst();
    }

    /** All spellings, for error messages. */
    public static List<String> wandbNames() {
        return Arrays.stream(values()).map(Distribution::wandbName).toList();
    }
}
