package dev.cairn.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line agent against a scripted controller, with real child processes (small sh scripts). */
class CommandAgentTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();

    @Test
    void a_trial_runs_the_expanded_command_with_the_sweep_environment_and_its_console_reaches_the_run()
            throws Exception {
        Path script = script("show.sh", """
                echo "sweep=$CAIRN_SWEEP_ID run=$CAIRN_RUN_ID where=$CAIRN_ENTITY/$CAIRN_PROJECT@$CAIRN_BASE_URL"
                echo "console=$CAIRN_CONSOLE gpu=${CUDA_VISIBLE_DEVICES-none} args=$*"
                echo "to stderr" >&2
                """);
        ScriptedController controller = new ScriptedController(config(script, null))
                .trial("run-1", ordered("lr", 0.01, "optimizer", "adam", "nested", Map.of("a", true)));

        List<TrialResult> results = new CommandAgent(controller, settings(List.of(), 0)).run();

        assertThat(results).containsExactly(new TrialResult("run-1", "finished", 0));
        assertThat(controller.endings).containsEntry("run-1", new ScriptedController.Ending("finished", 0));
        assertThat(controller.console("run-1")).containsExactlyInAnyOrder(
                "sweep=sw4k2p9q run=run-1 where=alice/mnist@http://tracker:8080",
                "console=off gpu=none args=--lr=0.01 --optimizer=adam --nested={'a': True}",
                "to stderr");
        assertThat(terminal()).contains("[run-1] console=off gpu=none");
    }

    @Test
    void args_json_file_holds_the_trials_parameters() throws Exception {
        Path script = script("json.sh", "cat \"$1\"; echo\n");
        ScriptedController controller = new ScriptedController(config(script,
                List.of("${interpreter}", "${program}", "${args_json_file}"))).trial("run-1", ordered("lr", 0.5, "layers", 3));

        new CommandAgent(controller, settings(List.of(), 0)).run();

        assertThat(controller.console("run-1")).containsExactly("{\"lr\":0.5,\"layers\":3}");
    }

    @Test
    void with_two_gpus_two_trials_run_at_the_same_time_each_pinned_to_its_own_gpu() throws Exception {
        // Each child waits until both have started: with one trial at a time the first would give up and fail.
        Path script = script("barrier.sh", """
                touch "$BARRIER/$CUDA_VISIBLE_DEVICES"
                for i in $(seq 1 600); do
                  [ -e "$BARRIER/0" ] && [ -e "$BARRIER/1" ] && { echo "gpu $CUDA_VISIBLE_DEVICES"; exit 0; }
                  sleep 0.05
                done
                exit 1
                """);
        Files.createDirectories(dir.resolve("barrier"));
        ScriptedController controller = new ScriptedController(config(script, null))
                .trial("run-1", Map.of("x", 1)).trial("run-2", Map.of("x", 2));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("BARRIER", dir.resolve("barrier").toString());

        List<TrialResult> results = new CommandAgent(controller, settings(List.of("0", "1"), 0, env)).run();

        assertThat(results).extracting(TrialResult::state).containsExactly("finished", "finished");
        assertThat(List.of(controller.console("run-1").get(0), controller.console("run-2").get(0)))
                .containsExactlyInAnyOrder("gpu 0", "gpu 1");
    }

    @Test
    void a_trial_the_sweep_stops_is_terminated_and_its_run_ends_killed() throws Exception {
        Path script = script("long.sh", "echo started\nexec sleep 600\n");
        ScriptedController controller = new ScriptedController(config(script, null)).trial("run-1", Map.of("x", 1));
        controller.toStop.add("run-1");

        List<TrialResult> results = new CommandAgent(controller, settings(List.of(), 0)).run();

        assertThat(results.get(0).state()).isEqualTo("killed");
        assertThat(controller.endings.get("run-1").state()).isEqualTo("killed");
        assertThat(terminal()).contains("the sweep stopped trial run-1");
    }

    @Test
    void an_agent_told_to_quit_terminates_its_trials_and_reports_them_killed() throws Exception {
        Path script = script("long.sh", "echo started\nexec sleep 600\n");
        ScriptedController controller = new ScriptedController(config(script, null)).trial("run-1", Map.of("x", 1));
        CommandAgent agent = new CommandAgent(controller, settings(List.of(), 0));
        CompletableFuture<List<TrialResult>> running = CompletableFuture.supplyAsync(() -> {
            try {
                return agent.run();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!terminal().contains("[run-1] started") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        agent.shutdown();

        assertThat(running.get(30, TimeUnit.SECONDS)).containsExactly(new TrialResult("run-1", "killed", 143));
        assertThat(controller.endings.get("run-1").state()).isEqualTo("killed");
        assertThat(controller.nextCalls.get()).as("no trial asked for after the quit").isEqualTo(1);
    }

    @Test
    void a_child_that_ignores_sigterm_is_killed_after_the_grace_time() throws Exception {
        Path script = script("stubborn.sh", "trap '' TERM\necho ignoring\nwhile :; do sleep 0.05; done\n");
        ScriptedController controller = new ScriptedController(config(script, null)).trial("run-1", Map.of("x", 1));
        controller.toStop.add("run-1");

        List<TrialResult> results = new CommandAgent(controller, settings(List.of(), 0)).run();

        assertThat(results.get(0).state()).isEqualTo("killed");
        assertThat(results.get(0).exitCode()).as("SIGKILL").isEqualTo(137);
    }

    @Test
    void exit_code_zero_finishes_the_run_and_any_other_fails_it_with_the_code() throws Exception {
        Path script = script("exit.sh", "exit \"${1#--code=}\"\n");
        ScriptedController controller = new ScriptedController(config(script, null))
                .trial("ok", Map.of("code", 0)).trial("bad", Map.of("code", 3));

        new CommandAgent(controller, settings(List.of(), 0)).run();

        assertThat(controller.endings).containsEntry("ok", new ScriptedController.Ending("finished", 0))
                .containsEntry("bad", new ScriptedController.Ending("failed", 3));
    }

    @Test
    void a_run_the_program_already_ended_is_left_as_it_ended() throws Exception {
        Path script = script("exit.sh", "exit 0\n");
        ScriptedController controller = new ScriptedController(config(script, null)).trial("run-1", Map.of("x", 1));
        controller.states.put("run-1", "killed");   // as the SDK inside ends a run hyperband stopped

        new CommandAgent(controller, settings(List.of(), 0)).run();

        assertThat(controller.endings).isEmpty();
    }

    @Test
    void a_trial_the_agent_stopped_ends_killed_even_if_the_program_ended_its_run_otherwise() throws Exception {
        Path script = script("long.sh", "echo started\nexec sleep 600\n");
        ScriptedController controller = new ScriptedController(config(script, null)).trial("run-1", Map.of("x", 1));
        controller.states.put("run-1", "failed");   // as a JVM's shutdown hook ends a run on SIGTERM
        controller.toStop.add("run-1");

        new CommandAgent(controller, settings(List.of(), 0)).run();

        assertThat(controller.endings.get("run-1").state()).isEqualTo("killed");
    }

    @Test
    void a_paused_or_busy_sweep_is_asked_again_until_it_hands_out_a_trial() throws Exception {
        Path script = script("exit.sh", "exit 0\n");
        ScriptedController controller = new ScriptedController(config(script, null))
                .nothingNow("paused").nothingNow("running").trial("run-1", Map.of("x", 1));

        List<TrialResult> results = new CommandAgent(controller, settings(List.of(), 0)).run();

        assertThat(results).extracting(TrialResult::runId).containsExactly("run-1");
        assertThat(controller.nextCalls.get()).as("paused, running, the trial, finished").isEqualTo(4);
    }

    @Test
    void count_limits_how_many_trials_the_agent_runs() throws Exception {
        Path script = script("exit.sh", "exit 0\n");
        ScriptedController controller = new ScriptedController(config(script, null))
                .trial("a", Map.of("x", 1)).trial("b", Map.of("x", 2)).trial("c", Map.of("x", 3));

        List<TrialResult> results = new CommandAgent(controller, settings(List.of(), 2)).run();

        assertThat(results).extracting(TrialResult::runId).containsExactly("a", "b");
        assertThat(controller.nextCalls.get()).isEqualTo(2);
    }

    @Test
    void a_command_that_cannot_start_fails_its_run_and_says_why_in_its_console() throws Exception {
        ScriptedController controller = new ScriptedController(config(dir.resolve("train.py"),
                List.of(dir.resolve("no-such-program").toString(), "${args}"))).trial("run-1", Map.of("x", 1));

        List<TrialResult> results = new CommandAgent(controller, settings(List.of(), 0)).run();

        assertThat(results).containsExactly(new TrialResult("run-1", "failed", null));
        assertThat(controller.console("run-1")).singleElement().asString().contains("cannot start trial run-1");
    }

    private Map<String, Object> config(Path program, List<String> command) {
        Map<String, Object> config = new HashMap<>();
        config.put("program", program.toString());
        config.put("method", "grid");
        config.put("parameters", Map.of("x", Map.of("values", List.of(1, 2, 3))));
        if (command != null) {
            config.put("command", command);
        }
        return config;
    }

    private AgentSettings settings(List<String> gpus, int count) {
        return settings(gpus, count, System.getenv());
    }

    private AgentSettings settings(List<String> gpus, int count, Map<String, String> env) {
        PrintStream out = new PrintStream(terminal, true, StandardCharsets.UTF_8);
        return new AgentSettings("sh", gpus, count, "test-agent", "http://tracker:8080", null, env,
                dir.resolve("work"), 20, 10, 300, out, out);
    }

    private Path script(String name, String body) throws IOException {
        return Files.writeString(dir.resolve(name), body);
    }

    private String terminal() {
        return terminal.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
