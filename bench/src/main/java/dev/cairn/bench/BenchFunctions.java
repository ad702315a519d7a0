package dev.cairn.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep benchmark's test functions, each with a known global minimum. The same definitions
 * are in {@code sweep_optuna.py} for the Optuna comparison; change both together.
 *
 * <pre>{@code
 * for (BenchFunction f : BenchFunctions.ALL) {
 *     f.evaluate(f.minimiser());   // == f.knownMinimum(), to 1e-5
 * }
 * }</pre>
 */
public final class BenchFunctions {
    // Declared first: the functions below are built from these in static initialisation.
    private static final double[] HARTMANN_ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] HARTMANN_A = {
            {10, 3, 17, 3.5, 1.7, 8},
            {0.05, 10, 17, 0.1, 8, 14},
            {3, 3.5, 1.7, 10, 17, 8},
            {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] HARTMANN_P = {
            {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
            {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
            {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
            {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};
    private static final double[] HARTMANN_MINIMISER = {0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573};

    private static final double[] MIXED_TARGETS = {1, -2, 0.5, 3};
    private static final Map<String, Double> OPTIMIZER_COST = Map.of("sgd", 0.6, "adam", 0.0, "rmsprop", 0.3, "adagrad", 0.9);
    private static final Map<String, Double> ACTIVATION_COST = Map.of("relu", 0.2, "tanh", 0.5, "gelu", 0.0);
    private static final Map<Integer, Double> BATCH_COST = Map.of(16, 0.4, 32, 0.0, 64, 0.1, 128, 0.3);


    /**
     * Branin-Hoo on x1 in [-5, 10], x2 in [0, 15]: three global minima of 0.397887, at
     * (-pi, 12.275), (pi, 2.275) and (9.42478, 2.475).
     */
    public static final BenchFunction BRANIN = new BenchFunction("branin",
            ordered("x1", uniform(-5, 10), "x2", uniform(0, 15)),
            BenchFunctions::branin, 0.397887, Map.of("x1", Math.PI, "x2", 2.275));

    /**
     * Hartmann 6-D on [0, 1]^6 (x1 ... x6): one global minimum of -3.32237 at (0.20169,
     * 0.150011, 0.476874, 0.275332, 0.311652, 0.6573), and several local ones.
     */
    public static final BenchFunction HARTMANN6 = new BenchFunction("hartmann6",
            hartmannSpace(), BenchFunctions::hartmann6, -3.32237, hartmannMinimiser());

    /**
     * A 10-D mixed space like a training job's, global minimum 0 (every term below is
     * non-negative and zero at the minimiser):
     * <ul>
     * <li>four continuous {@code x0..x3}, uniform on [-5, 5], with targets t = (1, -2, 0.5, 3):
     *     each adds {@code (x - t)^2 / 4 + 0.5 (1 - cos(2 pi (x - t)))}, a bowl with ripples (local
     *     minima near every integer offset from t);</li>
     * <li>the continuous sum is multiplied by 1.5 unless {@code optimizer} is {@code adam}, so the
     *     categorical choice and the continuous ones interact;</li>
     * <li>three integers: {@code layers} int_uniform [1, 8] (target 3), {@code units} int_uniform
     *     [8, 256] (target 96), {@code warmup} int_uniform [0, 20] (target 7); each adds
     *     {@code 4 ((n - target) / (max - min))^2};</li>
     * <li>three categoricals: {@code optimizer} [sgd, adam, rmsprop, adagrad] adds 0.6 / 0 / 0.3 /
     *     0.9; {@code activation} [relu, tanh, gelu] adds 0.2 / 0.5 / 0; {@code batch_size} [16, 32,
     *     64, 128] adds 0.4 / 0 / 0.1 / 0.3.</li>
     * </ul>
     * Minimiser: x = (1, -2, 0.5, 3), layers 3, units 96, warmup 7, adam, gelu, batch_size 32.
     */
    public static final BenchFunction MIXED10 = new BenchFunction("mixed10",
            mixedSpace(), BenchFunctions::mixed10, 0.0, mixedMinimiser());

    public static final List<BenchFunction> ALL = List.of(BRANIN, HARTMANN6, MIXED10);

    private BenchFunctions() {
    }

    static double branin(Map<String, Object> p) {
        double x1 = number(p, "x1");
        double x2 = number(p, "x2");
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double square = x2 - b * x1 * x1 + c * x1 - 6;
        return square * square + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    static double hartmann6(Map<String, Object> p) {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
                double d = number(p, "x" + (j + 1)) - HARTMANN_P[i][j];
                inner += HARTMANN_A[i][j] * d * d;
            }
            sum += HARTMANN_ALPHA[i] * Math.exp(-inner);
        }
        return -sum;
    }

    static double mixed10(Map<String, Object> p) {
        double continuous = 0;
        for (int i = 0; i < MIXED_TARGETS.length; i++) {
            double d = number(p, "x" + i) - MIXED_TARGETS[i];
            continuous += d * d / 4 + 0.5 * (1 - Math.cos(2 * Math.PI * d));
        }
        String optimizer = (String) p.get("optimizer");
        if (!optimizer.equals("adam")) {
            continuous *= 1.5;
        }
        return continuous
                + integerCost(p, "layers", 3, 1, 8)
                + integerCost(p, "units", 96, 8, 256)
                + integerCost(p, "warmup", 7, 0, 20)
                + OPTIMIZER_COST.get(optimizer)
                + ACTIVATION_COST.get((String) p.get("activation"))
                + BATCH_COST.get((int) number(p, "batch_size"));
    }

    private static double integerCost(Map<String, Object> p, String name, int target, int min, int max) {
        double d = (number(p, name) - target) / (max - min);
        return 4 * d * d;
    }

    private static double number(Map<String, Object> p, String name) {
        return ((Number) p.get(name)).doubleValue();
    }

    private static Map<String, Object> uniform(double min, double max) {
        return Map.of("distribution", "uniform", "min", min, "max", max);
    }

    private static Map<String, Object> intUniform(int min, int max) {
        return Map.of("distribution", "int_uniform", "min", min, "max", max);
    }

    private static Map<String, Object> categorical(Object... values) {
        return Map.of("distribution", "categorical", "values", List.of(values));
    }

    /** A map that keeps the order its key/value pairs are given in. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> hartmannSpace() {
        Map<String, Object> space = new LinkedHashMap<>();
        for (int j = 1; j <= 6; j++) {
            space.put("x" + j, uniform(0, 1));
        }
        return space;
    }

    private static Map<String, Object> hartmannMinimiser() {
        Map<String, Object> point = new LinkedHashMap<>();
        for (int j = 0; j < 6; j++) {
            point.put("x" + (j + 1), HARTMANN_MINIMISER[j]);
        }
        return point;
    }

    private static Map<String, Object> mixedSpace() {
        return ordered(
                "x0", uniform(-5, 5), "x1", uniform(-5, 5), "x2", uniform(-5, 5), "x3", uniform(-5, 5),
                "layers", intUniform(1, 8), "units", intUniform(8, 256), "warmup", intUniform(0, 20),
                "optimizer", categorical("sgd", "adam", "rmsprop", "adagrad"),
                "activation", categorical("relu", "tanh", "gelu"),
                "batch_size", categorical(16, 32, 64, 128));
    }

    private static Map<String, Object> mixedMinimiser() {
        return ordered("x0", 1.0, "x1", -2.0, "x2", 0.5, "x3", 3.0, "layers", 3, "units", 96, "warmup", 7,
                "optimizer", "adam", "activation", "gelu", "batch_size", 32);
    }
}
