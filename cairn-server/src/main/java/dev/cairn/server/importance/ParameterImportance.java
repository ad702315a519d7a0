package dev.cairn.server.importance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.http.ApiException;
import dev.cairn.server.run.RunLeaves;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How much each config key explains a summary metric across runs: a {@link RandomForest} fitted with the keys
 * as features and the metric as target, its importance per key, and Pearson's correlation of numeric keys with
 * the metric (its sign says whether more of the key means more of the metric).
 *
 * <pre>{@code
 * ParameterImportance.Result result = ParameterImportance.of(runs, "val_acc", null, 42);
 * result.keys().get(0).key();   // the key that explains val_acc best
 * }</pre>
 */
public final class ParameterImportance {
    /** Fewer runs with the metric than this answer 400: a forest over two points says nothing. */
    public static final int MIN_RUNS = 3;
    /** At most this many config keys are analysed when the request names none. */
    public static final int MAX_KEYS = 200;

    private ParameterImportance() {
    }

    /** One key's importance (0-1, all keys summing to 1) and correlation (null for categorical keys). */
    public record KeyImportance(String key, double importance, Double correlation, boolean isNumeric) {
    }

    /** The metric analysed, how many runs had it, and every key, most important first. */
    public record Result(String metric, int runCount, List<KeyImportance> keys) {
    }

    /**
     * Analyses {@code metric} (a flattened summary key) over the runs that have a finite number for it.
     * {@code keys} null or empty means every config key those runs have. 400 naming the problem when the
     * metric is unknown, fewer than {@link #MIN_RUNS} runs have it, or a named key is in no run's config.
     */
    public static Result of(List<RunLeaves> runs, String metric, List<String> keys, long seed) {
        List<RunLeaves> usable = new ArrayList<>();
        for (RunLeaves run : runs) {
            JsonNode value = run.summary().get(metric);
            if (value != null && value.isNumber() && Double.isFinite(value.asDouble())) {
                usable.add(run);
            }
        }
        if (usable.isEmpty()) {
            throw new ApiException.BadRequest("metric '" + metric + "' is not a numeric summary value of any of the "
                    + runs.size() + " matching runs; use one of " + summaryKeys(runs));
        }
        if (usable.size() < MIN_RUNS) {
            throw new ApiException.BadRequest("only " + usable.size() + " matching run(s) have metric '" + metric
                    + "'; parameter importance needs at least " + MIN_RUNS + " (widen the filter or log more runs)");
        }
        List<Map<String, JsonNode>> configs = usable.stream().map(RunLeaves::config).toList();
        List<String> analysed = chooseKeys(configs, keys);
        double[] target = usable.stream().mapToDouble(r -> r.summary().get(metric).asDouble()).toArray();
        List<FeatureColumn> columns = analysed.stream().map(k -> FeatureColumn.encode(k, configs, target)).toList();
        double[][] x = new double[target.length][columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            double[] values = columns.get(c).values();
            for (int r = 0; r < target.length; r++) {
                x[r][c] = values[r];
            }
        }
        double[] importance = RandomForest.fit(x, target, RandomForest.Options.defaults(seed)).importance();
        List<KeyImportance> result = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            FeatureColumn column = columns.get(c);
            result.add(new KeyImportance(column.key(), importance[c], column.correlation(), column.isNumeric()));
        }
        result.sort(Comparator.comparingDouble(KeyImportance::importance).reversed()
                .thenComparing(KeyImportance::key));
        return new Result(metric, usable.size(), result);
    }

    private static List<String> chooseKeys(List<Map<String, JsonNode>> configs, List<String> keys) {
        TreeSet<String> present = new TreeSet<>();
        configs.forEach(c -> present.addAll(c.keySet()));
        if (keys == null || keys.isEmpty()) {
            if (present.isEmpty()) {
                throw new ApiException.BadRequest("the runs with this metric have no config keys; log a config"
                        + " (run.config) to compare parameters");
            }
            return present.stream().limit(MAX_KEYS).toList();
        }
        for (String key : keys) {
            if (!present.contains(key)) {
                throw new ApiException.BadRequest("keys: '" + key + "' is in no matching run's config; use"
                        + " flattened config names such as " + present.stream().limit(10).toList());
            }
        }
        return List.copyOf(new LinkedHashSet<>(keys));
    }

    private static List<String> summaryKeys(List<RunLeaves> runs) {
        TreeSet<String> names = new TreeSet<>();
        runs.forEach(r -> r.summary().forEach((k, v) -> {
            if (v.isNumber()) {
                names.add(k);
            }
        }));
        return names.stream().limit(20).toList();
    }
}
