package dev.cairn.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.CairnException;
import dev.cairn.client.InitOptions;
import dev.cairn.client.Mode;
import dev.cairn.core.run.Names;
import dev.cairn.core.run.ResumeMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSettingsTest {
    record Optimizer(String name, double lr) {
    }

    record TrainConfig(int epochs, Optimizer optimizer, List<Integer> layers) {
    }

    @Test
    void a_record_class_becomes_a_nested_config_map() {
        RunSettings settings = RunSettings.resolve(InitOptions.builder()
                .config(new TrainConfig(10, new Optimizer("adam", 0.001), List.of(64, 32))).build(), name -> null);

        assertThat(settings.config()).isEqualTo(Map.of("epochs", 10,
                "optimizer", Map.of("name", "adam", "lr", 0.001), "layers", List.of(64, 32)));
    }

    @Test
    void unset_options_come_from_the_environment() {
        Map<String, String> env = Map.of("CAIRN_BASE_URL", "http://tracker:9000", "CAIRN_API_KEY", "k-123",
                "CAIRN_PROJECT", "vision", "CAIRN_ENTITY", "team-a", "CAIRN_MODE", "Offline", "CAIRN_DIR", "/data/cairn");

        RunSettings settings = RunSettings.resolve(InitOptions.defaults(), env::get);

        assertThat(settings.baseUrl()).isEqualTo("http://tracker:9000");
        assertThat(settings.apiKey()).isEqualTo("k-123");
        assertThat(settings.project()).isEqualTo("vision");
        assertThat(settings.entity()).isEqualTo("team-a");
        assertThat(settings.mode()).isEqualTo(Mode.OFFLINE);
        assertThat(settings.runDir()).isEqualTo(Path.of("/data/cairn/runs/team-a/vision/" + settings.id()));
    }

    @Test
    void options_win_over_the_environment_and_defaults_fill_the_rest() {
        RunSettings settings = RunSettings.resolve(InitOptions.builder().project("mine").build(),
                Map.of("CAIRN_PROJECT", "theirs")::get);

        assertThat(settings.project()).isEqualTo("mine");
        assertThat(settings.baseUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(settings.apiKey()).isNull();
        assertThat(settings.mode()).isEqualTo(Mode.ONLINE);
        assertThat(settings.dir()).isEqualTo(Path.of("cairn-runs"));
        assertThat(settings.sampleIntervalMs()).isEqualTo(15_000);
        assertThat(settings.resume()).isEqualTo(ResumeMode.NEVER);
        assertThat(Names.isValid(settings.id())).isTrue();
        assertThat(settings.name()).matches("[a-z]+-[a-z]+-\\d+");
    }

    @Test
    void a_sweep_agents_run_id_resumes_that_run_and_keeps_its_name() {
        RunSettings settings = RunSettings.resolve(InitOptions.defaults(), Map.of("CAIRN_RUN_ID", "swp0run1")::get);

        assertThat(settings.id()).isEqualTo("swp0run1");
        assertThat(settings.resume()).isEqualTo(ResumeMode.ALLOW);
        assertThat(settings.name()).isNull();
    }

    @Test
    void an_invalid_project_name_fails_with_the_rule() {
        assertThatThrownBy(() -> RunSettings.resolve(InitOptions.builder().project("my project").build(), n -> null))
                .isInstanceOf(CairnException.class).hasMessageContaining("project 'my project' is not valid");
        assertThatThrownBy(() -> RunSettings.resolve(InitOptions.defaults(), Map.of("CAIRN_MODE", "sometimes")::get))
                .isInstanceOf(CairnException.class).hasMessageContaining("use online, offline or disabled");
    }

    @Test
    void an_os_user_name_becomes_a_valid_entity() {
        assertThat(RunSettings.userEntity("alice")).isEqualTo("alice");
        assertThat(RunSettings.userEntity("Jane Doe")).isEqualTo("Jane_Doe");
        assertThat(RunSettings.userEntity("_svc")).isEqualTo("u_svc");
        assertThat(RunSettings.userEntity(null)).isEqualTo("local");
    }

    @Test
    void under_a_sweep_agent_the_run_id_sweep_and_project_come_from_the_agent() {
        Map<String, String> env = Map.of("CAIRN_SWEEP_ID", "sw4k2p9q", "CAIRN_RUN_ID", "k3x9q2ab",
                "CAIRN_ENTITY", "alice", "CAIRN_PROJECT", "mnist", "CAIRN_CONSOLE", "off");

        RunSettings settings = RunSettings.resolve(InitOptions.builder().project("my-default-project")
                .entity("bob").captureConsole(true).build(), env::get);

        assertThat(settings.id()).isEqualTo("k3x9q2ab");
        assertThat(settings.resume()).isEqualTo(ResumeMode.ALLOW);
        assertThat(settings.sweepId()).isEqualTo("sw4k2p9q");
        assertThat(settings.isSweepRun()).isTrue();
        assertThat(settings.entity() + "/" + settings.project()).as("the run the agent created").isEqualTo("alice/mnist");
        assertThat(settings.captureConsole()).as("the agent captures the console").isFalse();
    }

    @Test
    void outside_a_sweep_the_scripts_own_project_wins_over_the_environment() {
        Map<String, String> env = Map.of("CAIRN_PROJECT", "mnist", "CAIRN_CONSOLE", "on");

        RunSettings settings = RunSettings.resolve(InitOptions.builder().project("vision").captureConsole(true).build(),
                env::get);

        assertThat(settings.project()).isEqualTo("vision");
        assertThat(settings.isSweepRun()).isFalse();
        assertThat(settings.captureConsole()).isTrue();
    }
}
