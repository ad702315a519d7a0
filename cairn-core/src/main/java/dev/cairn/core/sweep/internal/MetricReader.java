package dev.cairn.core.sweep.internal;

import dev.cairn.core.sweep.config.Goal;
import dev.cairn.core.sweep.config.Metric;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** Reads the {@code metric} section: name (required), goal (default minimize), target. */
final class MetricReader {

    private final Problems problems;

    MetricReader(Problems problems) {
        this.problems = problems;
    }

    Metric read(Object raw) {
        Node node = Node.of(raw, "metric", problems, "{name: val_loss, goal: minimize}");
        if (node == null) {
            return null;
        }
        node.rejectUnknown(Set.of("name", "goal", "target"), "metric");
        String name = node.string("name");
        if (!node.has("name") || (name != null && name.isBlank())) {
            problems.add("metric.name", "missing; the key your program logs, e.g. val_loss");
        }
        Goal goal = Goal.MINIMIZE;
        if (node.has("goal")) {
            Object typed = node.raw("goal");
            var known = typed instanceof String s ? Goal.byName(s) : Optional.<Goal>empty();
            if (known.isEmpty()) {
                problems.notOneOf("metric.goal", typed, "a goal", Goal.wandbNames());
            }
            goal = known.orElse(Goal.MINIMIZE);
        }
        Double target = node.number("target");
        if (name == null || name.isBlank()) {
            return null;
        }
        return new Metric(name, goal, target == null ? OptionalDouble.empty() : OptionalDouble.of(target));
    }
}
