package dev.cairn.core.sweep.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a sweep wants its metric small or large: {@code metric.goal} in a sweep file.
 *
 * <pre>{@code
 * Goal.MAXIMIZE.isBetter(0.9, 0.8);   // true
 * Goal.MINIMIZE.lowerIsBetter(0.9);   // 0.9  (MAXIMIZE would give -0.9)
 * }</pre>
 */
public enum Goal {
    MINIMIZE,
    MAXIMIZE;

    /** The spelling used in sweep files. */
    public String wandbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The goal spelled {@code name} in a sweep file, if there is one. */
    public static Optional<Goal> byName(String name) {
        return Arrays.stream(values()).filter(g -> g.wandbName().equals(name)).findFirst();
    }

    /** All spellings, for error messages. */
    public static List<String> wandbNames() {
        return Arrays.stream(values()).map(Goal::wandbName).toList();
    }

    /**
     * The value turned so that smaller is always better. Search and stopping code works
     * in this orientation so that it never has to branch on the goal.
     */
    public double lowerIsBetter(double value) {
        return this == MAXIMIZE ? -value : value;
    }

    /** Whether {@code candidate} is strictly better than {@code incumbent}. */
    public boolean isBetter(double candidate, double incumbent) {
        return lowerIsBetter(candidate) < lowerIsBetter(incumbent);
    }
}
