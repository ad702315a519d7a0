package dev.cairn.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.sweep.config.Categorical;
import dev.cairn.core.sweep.config.Constant;
import dev.cairn.core.sweep.config.Continuous;
import dev.cairn.core.sweep.config.Distribution;
import dev.cairn.core.sweep.config.Goal;
import dev.cairn.core.sweep.config.HyperbandConfig;
import dev.cairn.core.sweep.config.IntUniform;
import dev.cairn.core.sweep.config.Parameter;
import dev.cairn.core.sweep.config.SearchMethod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepConfigParsingTest {

    @Test
    void wandb_quickstart_sweep_parses_with_inferred_distributions() {
        SweepConfig config = Fixtures.config("quickstart.yaml");

        assertThat(config.program()).isEqualTo("train.py");
        assertThat(config.name()).isEqualTo("sweepdemo");
        assertThat(config.method()).isEqualTo(SearchMethod.BAYES);
        assertThat(config.metric()).hasValueSatisfying(m -> {
            assertThat(m.name()).isEqualTo("validation_loss");
            assertThat(m.goal()).isEqualTo(Goal.MINIMIZE);
            assertThat(m.target()).isEmpty();
        });
        assertThat(config.parameters()).extracting(Parameter::name)
                .containsExactly("learning_rate", "batch_size", "epochs", "optimizer");
        assertThat(config.parameters()).extracting(Parameter::distribution).containsExactly(
                Distribution.UNIFORM, Distribution.CATEGORICAL, Distribution.CATEGORICAL, Distribution.CATEGORICAL);
        assertThat(((Categorical) config.parameters().get(3)).values()).containsExactly("adam", "sgd");
        assertThat(config.command()).isEqualTo(SweepConfig.DEFAULT_COMMAND);
        assertThat(config.earlyTerminate()).isEmpty();
        assertThat(config.runCap()).isEmpty();
    }

    @Test
    void every_distribution_keeps_its_settings_and_defaults() {
        SweepConfig config = Fixtures.config("hyperband-random.yaml");
        Map<String, Parameter> byName = byName(config);

        Continuous lr = (Continuous) byName.get("lr");
        assertThat(lr.distribution()).isEqualTo(Distribution.LOG_UNIFORM_VALUES);
        assertThat(lr.min()).isEqualTo(1e-5);   // YAML 1.1 would have read 1e-5 as a string
        Continuous dropout = (Continuous) byName.get("dropout");
        assertThat(dropout.q()).isEqualTo(0.05);
        assertThat(dropout.isIntegerQ()).isFalse();
        assertThat(((Continuous) byName.get("hidden")).isIntegerQ()).isTrue();
        assertThat(byName.get("layers")).isEqualTo(new IntUniform(List.of("layers"), 1, 6));
        Continuous momentum = (Continuous) byName.get("momentum");
        assertThat(momentum.a()).isEqualTo(9.0);
        assertThat(momentum.b()).isEqualTo(1.0);
        assertThat(((Continuous) byName.get("noise")).sigma()).isEqualTo(0.1);
        assertThat(((Categorical) byName.get("activation")).probabilities()).containsExactly(0.5, 0.3, 0.2);
        assertThat(byName.get("seed")).isEqualTo(new Constant(List.of("seed"), 42));

        assertThat(config.runCap()).hasValue(50);
        assertThat(config.metric().orElseThrow().target()).hasValue(0.99);
        HyperbandConfig hyperband = config.earlyTerminate().orElseThrow();
        assertThat(hyperband.minIter()).hasValue(3);
        assertThat(hyperband.eta()).isEqualTo(3.0);
        assertThat(hyperband.isStrict()).isTrue();
        assertThat(hyperband.bandsUpTo(100)).containsExactly(3, 9, 27, 81);
        assertThat(config.command()).containsExactly("${env}", "${interpreter}", "${program}",
                "--config", "configs/base.json", "${args}");
    }

    @Test
    void json_sweep_with_nested_parameters_flattens_into_paths() {
        SweepConfig config = Fixtures.config("nested-grid.json");

        assertThat(config.method()).isEqualTo(SearchMethod.GRID);
        assertThat(config.parameters()).extracting(Parameter::path).containsExactly(
                List.of("optimizer", "name"), List.of("optimizer", "lr"), List.of("epochs"), List.of("layers"));
        assertThat(config.parameters().get(3).distribution()).isEqualTo(Distribution.INT_UNIFORM);
    }

    @Test
    void exported_wandb_file_with_entity_and_max_iter_bands_loads() {
        SweepConfig config = Fixtures.config("max-iter-hyperband.yaml");

        HyperbandConfig hyperband = config.earlyTerminate().orElseThrow();
        assertThat(hyperband.isStrict()).isFalse();
        assertThat(hyperband.bandsUpTo(1000)).containsExactly(3, 9);
        assertThat(config.metric().orElseThrow().goal()).isEqualTo(Goal.MINIMIZE);
    }

    @Test
    void map_from_an_sdk_parses_like_the_file() {
        SweepConfig fromMap = SweepConfig.fromMap(Map.of(
                "method", "random",
                "parameters", Map.of("lr", Map.of("min", 0.001, "max", 0.1))));

        assertThat(fromMap.parameters()).singleElement()
                .isInstanceOfSatisfying(Continuous.class, p -> assertThat(p.max()).isEqualTo(0.1));
        assertThat(fromMap.program()).isNull();
    }

    @Test
    void integer_bounds_give_int_uniform_and_float_bounds_give_uniform() {
        SweepConfig config = SweepConfig.parse("""
                method: random
                parameters:
                  a: {min: 1, max: 5}
                  b: {min: 1.0, max: 5}
                  c: {value: [1, 2]}
                """);

        assertThat(config.parameters()).extracting(Parameter::distribution)
                .containsExactly(Distribution.INT_UNIFORM, Distribution.UNIFORM, Distribution.CONSTANT);
    }

    private static Map<String, Parameter> byName(SweepConfig config) {
        return config.parameters().stream().collect(java.util.stream.Collectors.toMap(Parameter::name, p -> p));
    }
}
