package dev.cairn.bench;

import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A test function for the sweep benchmark: its search space as a sweep file's {@code parameters}
 * block, the function itself over the parameter maps a search returns, and its known global
 * minimum with one point that attains it.
 *
 * <pre>{@code
 * BenchFunction branin = BenchFunctions.BRANIN;
 * double value = branin.evaluate(Map.of("x1", Math.PI, "x2", 2.275));   // 0.397887...
 * double regret = value - branin.knownMinimum();
 * }</pre>
 *
 * @param name         the name in the benchmark's keys, e.g. {@code branin}
 * @param parameters   the {@code parameters} block of the sweep config, in file order
 * @param function     the value at a (flat) parameter map
 * @param knownMinimum the global minimum
 * @param minimiser    one parameter map where the minimum is attained
 */
public record BenchFunction(String name, Map<String, Object> parameters,
                            ToDoubleFunction<Map<String, Object>> function,
                            double knownMinimum, Map<String, Object> minimiser) {

    public double evaluate(Map<String, Object> params) {
        return function.applyAsDouble(params);
    }

    /** A minimising sweep config over this function's space with the given method. */
    public Map<String, Object> sweepConfig(String method) {
        return Map.of("method", method,
                "metric", Map.of("name", "value", "goal", "minimize"),
                "parameters", parameters);
    }
}
