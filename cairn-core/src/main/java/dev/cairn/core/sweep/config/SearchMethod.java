package dev.cairn.core.sweep.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a sweep picks its next parameter values: the {@code method} key of a sweep file.
 *
 * <pre>{@code
 * SearchMethod m = SearchMethod.byName("bayes").orElseThrow();   // BAYES
 * m.wandbName();                                                 // "bayes"
 * }</pre>
 */
public enum SearchMethod {
    /** Every combination of the listed values, each exactly once, in a fixed order. */
    GRID,
    /** Independent draws from each parameter's distribution; never runs out. */
    RANDOM,
    /** A Gaussian-process model of the metric proposes the most promising next point. */
    BAYES;

    /** The spelling used in sweep files. */
    public String wandbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The method spelled {@code name} in a sweep file, if there is one. */
    public static Optional<SearchMethod> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.wandbName().equals(name)).findFirst();
    }

    /** All spellings, for error messages. */
    public static List<String> wandbNames() {
        return Arrays.stream(values()).map(SearchMethod::wandbName).toList();
    }
}
