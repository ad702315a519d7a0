package dev.cairn.core.sweep.internal;

import dev.cairn.core.sweep.SweepConfig;
import dev.cairn.core.sweep.SweepConfigException;
import dev.cairn.core.sweep.config.Categorical;
import dev.cairn.core.sweep.config.HyperbandConfig;
import dev.cairn.core.sweep.config.Metric;
import dev.cairn.core.sweep.config.Parameter;
import dev.cairn.core.sweep.config.SearchMethod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Turns decoded sweep files into {@link SweepConfig}, collecting every problem before failing.
 * Reading goes on past a bad section so that, for example, a misspelt method and a bad
 * distribution are reported together.
 */
public final class ConfigReader {

    /**
     * W&amp;B's top-level keys. {@code entity}, {@code project} and {@code controller} are
     * accepted so exported W&amp;B files load, and ignored: the server decides those.
     */
    static final Set<String> TOP_LEVEL = Set.of("program", "command", "method", "metric",
            "parameters", "early_terminate", "run_cap", "name", "description", "entity", "project",
            "controller");

    private ConfigReader() {
    }

    public static SweepConfig fromText(String text) {
        Object decoded = SweepText.decode(text);
        if (decoded instanceof Map<?, ?> map) {
            return fromMap(map);
        }
        throw new SweepConfigException(List.of(
                "(top level): must be a mapping with method, parameters, ...; got " + Problems.show(decoded)));
    }

    public static SweepConfig fromMap(Map<?, ?> raw) {
        Problems problems = new Problems();
        Node root = Node.of(raw, "", problems, "{method: random, parameters: {...}}");
        root.rejectUnknown(TOP_LEVEL, "top-level");

        String name = root.string("name");
        String description = root.string("description");
        String program = root.string("program");
        SearchMethod method = method(root, problems);
        Metric metric = root.has("metric") ? new MetricReader(problems).read(root.raw("metric")) : null;
        List<Parameter> parameters = new ParameterReader(problems)
                .readBlock(root.raw("parameters"), "parameters", List.of());
        HyperbandConfig hyperband = root.has("early_terminate")
                ? new HyperbandReader(problems).read(root.raw("early_terminate")) : null;
        List<String> command = root.has("command") ? new CommandReader(problems).read(root.raw("command")) : SweepConfig.DEFAULT_COMMAND;
        OptionalInt runCap = runCap(root, problems);

        if (method == SearchMethod.BAYES && !root.has("metric")) {
            problems.add("metric", "missing; method bayes needs a metric to optimise, e.g. {name: val_loss, goal: minimize}");
        }
        if (hyperband != null && !root.has("metric")) {
            problems.add("metric", "missing; early_terminate needs the metric it compares runs by");
        }
        if (method == SearchMethod.GRID) {
            checkGrid(parameters, problems);
        }
        if (root.has("command") && command != null && program == null && Macros.usesProgram(command)) {
            problems.add("program", "missing; the command uses ${program}");
        }
        problems.throwIfAny();
        return new SweepConfig(name, description, program, command, method, Optional.ofNullable(metric),
                parameters, Optional.ofNullable(hyperband), runCap);
    }

    private static SearchMethod method(Node root, Problems problems) {
        Object raw = root.raw("method");
        if (raw == null) {
            problems.add("method", "missing; one of " + String.join(", ", SearchMethod.wandbNames()));
            return null;
        }
        Optional<SearchMethod> method = raw instanceof String s ? SearchMethod.byName(s) : Optional.empty();
        if (method.isEmpty()) {
            problems.notOneOf("method", raw, "a method", SearchMethod.wandbNames());
        }
        return method.orElse(null);
    }

    private static OptionalInt runCap(Node root, Problems problems) {
        Long cap = root.integer("run_cap");
        if (cap == null) {
            return OptionalInt.empty();
        }
        if (cap < 1 || cap > Integer.MAX_VALUE) {
            problems.add("run_cap", "must be at least 1 (got " + cap + ")");
            return OptionalInt.empty();
        }
        return OptionalInt.of(cap.intValue());
    }

    private static void checkGrid(List<Parameter> parameters, Problems problems) {
        for (Parameter p : parameters) {
            String path = "parameters." + String.join(".parameters.", p.path());
            if (p.gridValues().isEmpty()) {
                problems.add(path, "grid search needs a finite list of values, but "
                        + p.distribution().wandbName() + " is continuous; use values: [...], "
                        + "int_uniform or q_uniform, or method random or bayes");
            } else if (p instanceof Categorical c && c.hasProbabilities()) {
                problems.add(path + ".probabilities", "grid search tries every value once, so probabilities do not apply; remove them or use method random");
            }
        }
    }
}
