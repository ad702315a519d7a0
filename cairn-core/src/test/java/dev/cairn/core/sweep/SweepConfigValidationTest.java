package dev.cairn.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepConfigValidationTest {

    @Test
    void misspelt_distribution_names_the_path_and_suggests_the_right_one() {
        assertThat(errors("""
                method: random
                parameters:
                  lr: {distribution: log-uniform, min: -9, max: -2}
                """)).containsExactly(
                "parameters.lr.distribution: 'log-uniform' is not a distribution; did you mean 'log_uniform'?");
    }

    @Test
    void missing_method_lists_the_methods() {
        assertThat(errors("parameters: {lr: {values: [1, 2]}}"))
                .containsExactly("method: missing; one of grid, random, bayes");
    }

    @Test
    void misspelt_method_is_suggested_and_nonsense_lists_the_methods() {
        assertThat(errors("method: bayse\nparameters: {a: {values: [1]}}"))
                .containsExactly("method: 'bayse' is not a method; did you mean 'bayes'?");
        assertThat(errors("method: hyperopt\nparameters: {a: {values: [1]}}"))
                .containsExactly("method: 'hyperopt' is not a method; one of grid, random, bayes");
    }

    @Test
    void min_not_below_max_shows_both_values() {
        assertThat(errors("""
                method: random
                parameters:
                  epochs: {min: 10, max: 5}
                  lr: {distribution: uniform, min: 0.5, max: 0.5}
                """)).containsExactly(
                "parameters.epochs.min: must be less than max (got min=10, max=5)",
                "parameters.lr.min: must be less than max (got min=0.5, max=0.5)");
    }

    @Test
    void grid_with_a_continuous_distribution_names_the_parameter() {
        assertThat(errors("""
                method: grid
                parameters:
                  batch: {values: [16, 32]}
                  lr: {min: 0.001, max: 0.1}
                """)).singleElement().asString()
                .startsWith("parameters.lr: grid search needs a finite list of values, but uniform is continuous");
    }

    @Test
    void grid_refuses_probabilities() {
        assertThat(errors("""
                method: grid
                parameters:
                  opt: {values: [adam, sgd], probabilities: [0.5, 0.5]}
                """)).singleElement().asString().startsWith("parameters.opt.probabilities: grid search tries every value once");
    }

    @Test
    void bayes_without_a_metric_is_refused() {
        assertThat(errors("method: bayes\nparameters: {lr: {min: 0.0, max: 1.0}}")).singleElement().asString()
                .startsWith("metric: missing; method bayes needs a metric to optimise");
    }

    @Test
    void probabilities_must_sum_to_one_and_match_the_values() {
        assertThat(errors("""
                method: random
                parameters:
                  a: {values: [x, y, z], probabilities: [0.5, 0.3, 0.1]}
                  b: {values: [x, y, z], probabilities: [0.5, 0.5]}
                  c: {values: [x, y], probabilities: [1.5, -0.5]}
                """)).containsExactly(
                "parameters.a.probabilities: must sum to 1 (got 0.9)",
                "parameters.b.probabilities: needs one probability per value (got 2 for 3 values)",
                "parameters.c.probabilities: must be numbers of at least 0, got -0.5");
    }

    @Test
    void missing_or_empty_parameters_block_is_refused() {
        assertThat(errors("method: random")).singleElement().asString().startsWith("parameters: missing; add at least one parameter");
        assertThat(errors("method: random\nparameters: {}")).singleElement().asString().startsWith("parameters: is empty");
    }

    @Test
    void unknown_top_level_key_is_refused_with_a_suggestion() {
        assertThat(errors("method: random\nparamters: {a: {value: 1}}\nparameters: {a: {value: 1}}"))
                .containsExactly("paramters: unknown key; did you mean 'parameters'?");
        assertThat(errors("method: random\nparameters: {a: {value: 1}}\nzzz: 1")).singleElement().asString()
                .startsWith("zzz: unknown key; allowed top-level keys: command, controller, description");
    }

    @Test
    void unknown_key_inside_a_parameter_is_refused_with_a_suggestion() {
        assertThat(errors("method: random\nparameters: {lr: {distribution: normal, mu: 0, sgima: 1}}"))
                .containsExactly("parameters.lr.sgima: unknown key; did you mean 'sigma'?");
    }

    @Test
    void every_problem_is_reported_at_once() {
        SweepConfigException e = catchConfig("""
                method: grid
                metric: {name: loss, goal: minimise}
                run_cap: 0
                parameters:
                  model:
                    parameters:
                      depth: {min: 8, max: 2}
                  lr: {distribution: log_uniform_values, min: 0, max: 1}
                  opt: {values: []}
                early_terminate: {type: hyperband}
                command: [python, "${programm}", "${args}"]
                """);

        assertThat(e.errors()).containsExactlyInAnyOrder(
                "metric.goal: 'minimise' is not a goal; did you mean 'minimize'?",
                "parameters.model.parameters.depth.min: must be less than max (got min=8, max=2)",
                "parameters.lr.min: must be greater than 0 for log_uniform_values (got 0); for exponents use log_uniform",
                "parameters.opt.values: must be a non-empty list, got []",
                "early_terminate: needs min_iter, or max_iter with s",
                "command[1]: '${programm}' is not a macro; did you mean '${program}'?",
                "run_cap: must be at least 1 (got 0)");
        assertThat(e.getMessage()).startsWith("sweep config has 7 problems:\n  ");
    }

    @Test
    void hyperband_settings_are_checked() {
        assertThat(errors("""
                method: random
                metric: {name: loss}
                parameters: {a: {values: [1]}}
                early_terminate: {type: hyperbnd, max_iter: 27, eta: 1}
                """)).containsExactly(
                "early_terminate.type: 'hyperbnd' is not a stopping type; did you mean 'hyperband'?",
                "early_terminate.eta: must be greater than 1 (got 1)",
                "early_terminate.s: missing; max_iter needs s, the number of bands");
        assertThat(errors("""
                method: random
                parameters: {a: {values: [1]}}
                early_terminate: {type: hyperband, min_iter: 3}
                """)).singleElement().asString().startsWith("metric: missing; early_terminate needs the metric");
    }

    @Test
    void wrong_types_name_the_key_and_the_value() {
        assertThat(errors("""
                method: random
                parameters:
                  a: 0.1
                  b: {min: low, max: 1.0, distribution: uniform}
                  c: {distribution: int_uniform, min: 1.5, max: 3}
                  d: {value: 1, values: [1, 2]}
                command: python train.py
                """)).containsExactly(
                "parameters.a: must be a mapping such as {values: [16, 32]} or {min: 0.001, max: 0.1}, got 0.1",
                "parameters.b.min: must be a number, got 'low'",
                "parameters.c.min: must be a whole number, got 1.5",
                "parameters.d: has both 'value' and 'values'; keep one",
                "command: must be a list of arguments, e.g. [${env}, ${interpreter}, ${program}, ${args}], got 'python train.py'");
    }

    @Test
    void command_using_program_needs_a_program() {
        assertThat(errors("method: random\nparameters: {a: {value: 1}}\ncommand: [python, '${program}']"))
                .containsExactly("program: missing; the command uses ${program}");
        assertThat(errors("method: random\nparameters: {a: {value: 1}}\ncommand: [python, '--x=${args}']"))
                .containsExactly("command[1]: ${args} expands to several arguments and must be a command item of its own");
    }

    @Test
    void malformed_yaml_gives_line_and_column() {
        assertThat(errors("method: random\nparameters:\n  lr: {min: 0.1, max: 1\n  x: 1\n")).singleElement().asString()
                .startsWith("yaml: line 4, column 4: ");
        assertThat(errors("method: random\nmethod: grid\n")).singleElement().asString()
                .contains("line 2, column 1").contains("duplicate key method");
    }

    @Test
    void malformed_json_gives_line_and_column() {
        assertThat(errors("{\n  \"method\": \"random\",\n  \"parameters\": {,}\n}")).singleElement().asString()
                .startsWith("json: line 3, column 18: ");
    }

    @Test
    void a_document_that_is_not_a_mapping_is_refused() {
        assertThat(errors("- method: random")).singleElement().asString()
                .startsWith("(top level): must be a mapping with method, parameters");
        assertThat(errors("   ")).containsExactly("(top level): the sweep file is empty");
    }

    @Test
    void yaml_tags_cannot_construct_java_objects() {
        assertThat(errors("method: !!java.net.URL [http://example.com]\nparameters: {a: {value: 1}}"))
                .singleElement().asString().startsWith("yaml: ");
    }

    @Test
    void map_with_wrong_types_is_refused_like_a_file() {
        SweepConfigException e = catchConfig(Map.of("method", 3, "parameters", Map.of("a", Map.of("values", List.of(1)))));
        assertThat(e.errors()).containsExactly("method: 3 is not a method; one of grid, random, bayes");
    }

    private static List<String> errors(String text) {
        return catchConfig(text).errors();
    }

    private static SweepConfigException catchConfig(Object input) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> {
            if (input instanceof String s) {
                SweepConfig.parse(s);
            } else {
                @SuppressWarnings("unchecked")
                Map<String, ?> map = (Map<String, ?>) input;
                SweepConfig.fromMap(map);
            }
        });
        assertThat(thrown).isInstanceOf(SweepConfigException.class);
        return (SweepConfigException) thrown;
    }

    @Test
    void valid_config_does_not_throw() {
        assertThatCode(() -> SweepConfig.parse("method: random\nparameters: {a: {value: 1}}"))
                .doesNotThrowAnyException();
    }
}
