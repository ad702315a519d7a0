package dev.cairn.client;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * How the server summarizes one metric, for {@link Run#defineMetric}.
 *
 * <pre>{@code
 * run.defineMetric("val/acc", DefineMetric.builder()
 *         .summary(DefineMetric.Aggregate.MAX, DefineMetric.Aggregate.LAST)
 *         .goal(DefineMetric.Goal.MAXIMIZE)
 *         .stepMetric("epoch")
 *         .build());
 * }</pre>
 */
public final class DefineMetric {
    /** An aggregate the run's summary keeps for the metric. */
    public enum Aggregate { MIN, MAX, MEAN, FIRST, LAST }

    /** Whether lower or higher values are better (sweeps and the UI use it). */
    public enum Goal { MINIMIZE, MAXIMIZE }

    private final Set<Aggregate> summary;
    private final Goal goal;
    private final String stepMetric;

    private DefineMetric(Builder builder) {
        this.summary = Collections.unmodifiableSet(EnumSet.copyOf(builder.summary));
        this.goal = builder.goal;
        this.stepMetric = builder.stepMetric;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The aggregates to keep; empty means the default (the last value). */
    public Set<Aggregate> summary() {
        return summary;
    }

    /** The goal, or null when none was set. */
    public Goal goal() {
        return goal;
    }

    /** The metric to chart this one against, or null for the step. */
    public String stepMetric() {
        return stepMetric;
    }

    /** Builds a {@link DefineMetric}; every part is optional. */
    public static final class Builder {
        private final Set<Aggregate> summary = EnumSet.noneOf(Aggregate.class);
        private Goal goal;
        private String stepMetric;

        private Builder() {
        }

        public Builder summary(Aggregate... aggregates) {
            summary.addAll(java.util.List.of(aggregates));
            return this;
        }

        public Builder goal(Goal goal) {
            this.goal = goal;
            return this;
        }

        public Builder stepMetric(String stepMetric) {
            this.stepMetric = stepMetric;
            return this;
        }

        public DefineMetric build() {
            return new DefineMetric(this);
        }
    }
}
