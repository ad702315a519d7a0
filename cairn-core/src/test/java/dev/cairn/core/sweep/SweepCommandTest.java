package dev.cairn.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepCommandTest {

    private static final CommandContext CONTEXT =
            CommandContext.of("python3", Map.of("DATA_DIR", "/data", "RUN", "7"), "/tmp/run-7/args.json");

    private static final Map<String, Object> PARAMS = params();

    private static Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("lr", 1e-5);
        params.put("batch", 32);
        params.put("optimizer", "adam");
        params.put("amp", true);
        params.put("shuffle", false);
        params.put("scale", 3.0);
        return params;
    }

    @Test
    void default_command_is_env_interpreter_program_args() {
        SweepConfig config = SweepConfig.parse("program: train.py\nmethod: random\nparameters: {lr: {value: 0.1}}");

        assertThat(SweepCommand.expand(config, Map.of("lr", 0.1), CONTEXT))
                .containsExactly("/usr/bin/env", "python3", "train.py", "--lr=0.1");
    }

    @Test
    void args_are_flags_with_python_formatted_values() {
        assertThat(expand("${args}")).containsExactly(
                "--lr=1e-05", "--batch=32", "--optimizer=adam", "--amp=True", "--shuffle=False", "--scale=3.0");
    }

    @Test
    void args_no_hyphens_suits_hydra() {
        assertThat(expand("${args_no_hyphens}")).containsExactly(
                "lr=1e-05", "batch=32", "optimizer=adam", "amp=True", "shuffle=False", "scale=3.0");
    }

    @Test
    void args_no_boolean_flags_turns_true_into_a_bare_flag_and_drops_false() {
        assertThat(expand("${args_no_boolean_flags}")).containsExactly(
                "--lr=1e-05", "--batch=32", "--optimizer=adam", "--amp", "--scale=3.0");
    }

    @Test
    void args_json_is_one_json_argument() {
        assertThat(expand("${args_json}")).containsExactly(
                "{\"lr\":1.0E-5,\"batch\":32,\"optimizer\":\"adam\",\"amp\":true,\"shuffle\":false,\"scale\":3.0}");
    }

    @Test
    void args_json_file_is_the_path_the_agent_writes_args_json_to() {
        assertThat(expand("--params", "${args_json_file}")).containsExactly("--params", "/tmp/run-7/args.json");
        assertThat(SweepCommand.argsJson(Map.of("lr", 0.5))).isEqualTo("{\"lr\":0.5}");
    }

    @Test
    void envvar_reads_the_environment_even_inside_an_argument() {
        assertThat(expand("${envvar:DATA_DIR}", "--out=${envvar:DATA_DIR}/runs/${envvar:RUN}"))
                .containsExactly("/data", "--out=/data/runs/7");
    }

    @Test
    void an_unset_envvar_is_an_error_naming_it() {
        assertThatThrownBy(() -> expand("${envvar:MISSING}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MISSING is not set");
    }

    @Test
    void env_interpreter_and_program_expand_and_env_drops_out_on_windows() {
        assertThat(expand("${env}", "${interpreter}", "${program}")).containsExactly("/usr/bin/env", "python3", "train.py");
        SweepConfig config = config("${env}", "${interpreter}", "${program}");
        assertThat(SweepCommand.expand(config, PARAMS, CONTEXT.withoutEnvProgram())).containsExactly("python3", "train.py");
    }

    @Test
    void fixed_items_pass_through_unchanged() {
        assertThat(expand("torchrun", "--nproc=4", "${program}", "${args}").subList(0, 3))
                .containsExactly("torchrun", "--nproc=4", "train.py");
    }

    @Test
    void nested_parameters_are_passed_as_python_dicts_like_wandb() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("optimizer", new LinkedHashMap<>(Map.of("name", "adam")));
        nested.put("layers", List.of(64, 32));
        nested.put("dropout", null);

        assertThat(SweepCommand.expand(config("${args}"), nested, CONTEXT))
                .containsExactly("--optimizer={'name': 'adam'}", "--layers=[64, 32]", "--dropout=None");
    }

    @Test
    void a_command_without_program_for_a_config_without_one_fails_clearly() {
        SweepConfig functionSweep = SweepConfig.fromMap(Map.of("method", "random", "parameters", Map.of("x", Map.of("value", 1))));

        assertThatThrownBy(() -> SweepCommand.expand(functionSweep, Map.of("x", 1), CONTEXT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no program");
    }

    private static List<String> expand(String... command) {
        return SweepCommand.expand(config(command), PARAMS, CONTEXT);
    }

    private static SweepConfig config(String... command) {
        return SweepConfig.fromMap(Map.of("program", "train.py", "method", "random",
                "parameters", Map.of("lr", Map.of("value", 0.1)), "command", List.of(command)));
    }
}
