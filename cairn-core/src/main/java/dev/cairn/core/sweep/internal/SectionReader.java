package dev.cairn.core.sweep.internal;

import dev.cairn.core.sweep.config.Goal;
import dev.cairn.core.sweep.config.HyperbandConfig;
import dev.cairn.core.sweep.config.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/** Reads the small top-level sections: {@code metric}, {@code early_terminate}, {@code command}. */
final class SectionReader {

    private final Problems problems;

    SectionReader(Problems problems) {
        this.problems = problems;
    }

    Metric metric(Object raw) {
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
            var known = typed instanceof String s ? Goal.byName(s) : java.util.Optional.<Goal>empty();
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

    HyperbandConfig earlyTerminate(Object raw) {
        Node node = Node.of(raw, "early_terminate", problems, "{type: hyperband, min_iter: 3}");
        if (node == null) {
            return null;
        }
        node.rejectUnknown(Set.of("type", "min_iter", "max_iter", "s", "eta", "strict"), "early_terminate");
        int before = problemCount();
        Object type = node.raw("type");
        if (type == null) {
            problems.add("early_terminate.type", "missing; the only type is hyperband");
        } else if (!"hyperband".equals(type)) {
            problems.notOneOf("early_terminate.type", type, "a stopping type", List.of("hyperband"));
        }
        OptionalInt minIter = atLeastOne(node, "min_iter");
        OptionalInt maxIter = atLeastOne(node, "max_iter");
        OptionalInt s = atLeastOne(node, "s");
        Double eta = node.number("eta");
        if (eta != null && !(eta > 1)) {
            problems.add("early_terminate.eta", "must be greater than 1 (got " + Problems.show(node.raw("eta")) + ")");
        }
        Boolean strict = node.bool("strict");
        if (!node.has("min_iter") && !node.has("max_iter")) {
            problems.add("early_terminate", "needs min_iter, or max_iter with s");
        } else if (node.has("max_iter") && !node.has("s")) {
            problems.add("early_terminate.s", "missing; max_iter needs s, the number of bands");
        }
        if (problemCount() > before) {
            return null;
        }
        HyperbandConfig config = new HyperbandConfig(minIter, maxIter, s,
                eta == null ? HyperbandConfig.DEFAULT_ETA : eta, strict == null || strict);
        if (config.bandsUpTo(Integer.MAX_VALUE).isEmpty()) {
            problems.add("early_terminate", "max_iter=" + maxIter.orElse(0) + " with eta=" + config.eta()
                    + " leaves no band of at least 1 iteration; raise max_iter or lower eta");
        }
        return config;
    }

    List<String> command(Object raw) {
        if (!(raw instanceof List<?> items)) {
            problems.add("command", "must be a list of arguments, e.g. [${env}, ${interpreter}, ${program}, ${args}], got "
                    + Problems.show(raw));
            return null;
        }
        List<String> command = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item == null || item instanceof List<?> || item instanceof java.util.Map<?, ?>) {
                problems.add("command[" + i + "]", "must be a string, got " + Problems.show(item));
            } else {
                command.add(String.valueOf(item));
            }
        }
        Macros.check(command, "command", problems);
        return command;
    }

    private OptionalInt atLeastOne(Node node, String key) {
        Long value = node.integer(key);
        if (value == null) {
            return OptionalInt.empty();
        }
        if (value < 1 || value > Integer.MAX_VALUE) {
            problems.add(node.at(key), "must be at least 1 (got " + value + ")");
            return OptionalInt.empty();
        }
        return OptionalInt.of(value.intValue());
    }

    private int problemCount() {
        return problems.count();
    }
}
