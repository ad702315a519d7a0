package dev.cairn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cairn.core.sweep.SweepConfig;
import dev.cairn.core.sweep.SweepSearch;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BenchFunctionsTest {

    @Test
    void every_function_returns_its_known_minimum_at_its_minimiser() {
        for (BenchFunction function : BenchFunctions.ALL) {
            assertThat(function.evaluate(function.minimiser()))
                    .as(function.name())
                    .isCloseTo(function.knownMinimum(), within(1e-5));
        }
    }

    @Test
    void branin_has_the_same_minimum_at_all_three_minimisers() {
        for (double[] x : new double[][] {{-Math.PI, 12.275}, {Math.PI, 2.275}, {9.42478, 2.475}}) {
            assertThat(BenchFunctions.BRANIN.evaluate(Map.of("x1", x[0], "x2", x[1])))
                    .isCloseTo(0.397887, within(1e-5));
        }
    }

    @Test
    void moving_any_mixed10_parameter_off_its_minimiser_costs_something() {
        BenchFunction mixed = BenchFunctions.MIXED10;
        Map<String, Object> other = Map.of("x0", 1.3, "x1", -1.0, "x2", 0.0, "x3", 2.9, "layers", 4,
                "units", 95, "warmup", 8, "optimizer", "sgd", "activation", "relu", "batch_size", 64);
        for (String name : other.keySet()) {
            Map<String, Object> point = new HashMap<>(mixed.minimiser());
            point.put(name, other.get(name));
            assertThat(mixed.evaluate(point)).as(name).isGreaterThan(mixed.knownMinimum());
        }
    }

    @Test
    void every_function_evaluates_what_its_sweep_config_suggests() {
        for (BenchFunction function : BenchFunctions.ALL) {
            SweepSearch search = SweepSearch.of(SweepConfig.fromMap(function.sweepConfig("random")));
            Map<String, Object> params = search.next(java.util.List.of(), new Random(1)).orElseThrow();
            assertThat(function.evaluate(params)).as(function.name()).isGreaterThanOrEqualTo(function.knownMinimum() - 1e-5);
        }
    }
}
