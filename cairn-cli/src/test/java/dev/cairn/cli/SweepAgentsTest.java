package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.CairnServer;
import dev.cairn.server.ServerOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn sweep} and {@code cairn agent} as users run them: agents are separate processes, each trial a
 * child process of its agent (a small Java program using the SDK), all against one server.
 */
class SweepAgentsTest {
    private static final Pattern AGENT_COMMAND = Pattern.compile("\\./cairn agent (\\S+)");

    @TempDir
    Path workDir;

    @Test
    void three_agents_in_separate_processes_run_every_grid_point_exactly_once() throws Exception {
        try (CairnServer server = CairnServer.start(ServerOptions.local(workDir.resolve("server")))) {
            String sweep = createSweep(server, "x: {values: [1, 2, 3, 4, 5]}");
            List<Process> agents = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                agents.add(startAgent(server, sweep, "agent-" + i, Map.of()));
            }
            for (int i = 0; i < agents.size(); i++) {
                awaitExit(agents.get(i), "agent-" + i);
            }

            List<JsonNode> runs = sweepRuns(server, sweep);
            assertThat(runs).extracting(run -> run.path("config").path("x").asInt())
                    .containsExactlyInAnyOrder(1, 2, 3, 4, 5);
            assertThat(runs).extracting(run -> run.path("state").asText()).containsOnly("finished");
            JsonNode sweepObject = client(server).getJson("/sweeps/" + sweep, Map.of());
            assertThat(sweepObject.path("state").asText()).isEqualTo("finished");

            JsonNode first = runs.get(0);
            JsonNode console = client(server).getJson("/runs/" + runPath(first) + "/console", Map.of()).path("lines");
            int x = first.path("config").path("x").asInt();
            assertThat(console.toString()).as("the trial's stdout, captured by its agent")
                    .contains("trained x=" + x + " with --x=" + x);
        }
    }

    @Test
    void an_agent_killed_with_kill_9_leaves_a_crashed_run_whose_grid_point_another_agent_runs_again()
            throws Exception {
        ServerOptions options = ServerOptions.local(workDir.resolve("server")).withHeartbeatTimeout(Duration.ofSeconds(2));
        try (CairnServer server = CairnServer.start(options)) {
            String sweep = createSweep(server, "x: {values: [1, 2, 3]}");
            Path marker = workDir.resolve("hanging-run");
            Process doomed = startAgent(server, sweep, "doomed", Map.of("HANG_ONCE", marker.toString()));
            String hungRun = awaitContent(marker, doomed, "doomed");

            List<ProcessHandle> tree = new ArrayList<>(doomed.descendants().toList());
            tree.add(doomed.toHandle());
            tree.forEach(ProcessHandle::destroyForcibly);
            doomed.waitFor(10, TimeUnit.SECONDS);

            Process survivor = startAgent(server, sweep, "survivor", Map.of("HANG_ONCE", marker.toString()));
            awaitExit(survivor, "survivor");

            List<JsonNode> runs = sweepRuns(server, sweep);
            JsonNode crashed = runs.stream().filter(run -> run.path("id").asText().equals(hungRun)).findFirst().orElseThrow();
            assertThat(crashed.path("state").asText()).isEqualTo("crashed");
            int crashedX = crashed.path("config").path("x").asInt();
            List<JsonNode> finished = runs.stream().filter(run -> run.path("state").asText().equals("finished")).toList();
            assertThat(finished).extracting(run -> run.path("config").path("x").asInt())
                    .as("every point once, the crashed one (x=" + crashedX + ") again").containsExactlyInAnyOrder(1, 2, 3);
            assertThat(runs).hasSize(4);
        }
    }

    @Test
    void canceling_a_sweep_stops_the_agents_running_trial_and_its_run_ends_killed() throws Exception {
        try (CairnServer server = CairnServer.start(ServerOptions.local(workDir.resolve("server")))) {
            String sweep = createSweep(server, "x: {values: [1, 2, 3]}");
            Path marker = workDir.resolve("hanging-run");
            Process agent = startAgent(server, sweep, "agent", Map.of("HANG_ONCE", marker.toString()));
            String hungRun = awaitContent(marker, agent, "agent");

            Cli.Result canceled = Cli.run("sweep", "cancel", sweep, "--base-url", server.url());
            assertThat(canceled.out()).as(canceled.toString()).contains("is canceled");
            awaitExit(agent, "agent");

            List<JsonNode> runs = sweepRuns(server, sweep);
            assertThat(runs).as("no trial after the cancel").hasSize(1);
            assertThat(runs.get(0).path("id").asText()).isEqualTo(hungRun);
            assertThat(runs.get(0).path("state").asText()).isEqualTo("killed");
            assertThat(Files.readString(workDir.resolve("agent.log"))).contains("the sweep stopped trial " + hungRun);
        }
    }

    private String createSweep(CairnServer server, String parameter) throws IOException {
        Path file = Files.writeString(workDir.resolve("sweep.yaml"), """
                program: dev.cairn.cli.SweepTrainer
                command: ["${envvar:TRAINER_JAVA}", -XX:TieredStopAtLevel=1, -XX:+UseSerialGC, -cp, "${envvar:TRAINER_CLASSPATH}",
                          "${program}", "${args}"]
                method: grid
                parameters:
                  %s
                """.formatted(parameter));
        Cli.Result created = Cli.run("sweep", file.toString(), "--entity", "alice", "--project", "grid",
                "--base-url", server.url());
        assertThat(created.exitCode()).as(created.toString()).isZero();
        Matcher matcher = AGENT_COMMAND.matcher(created.out());
        assertThat(matcher.find()).as(created.toString()).isTrue();
        return matcher.group(1);
    }

    private Process startAgent(CairnServer server, String sweep, String name, Map<String, String> env) throws IOException {
        // JIT and GC flags only to start the many short JVMs faster on a busy test machine
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of("agent", sweep, "--base-url", server.url(), "--heartbeat-ms", "300", "--poll-ms", "200"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(workDir.resolve(name + ".log").toFile());
        builder.environment().putAll(Map.of("TRAINER_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "TRAINER_CLASSPATH", System.getProperty("java.class.path"), "CAIRN_DIR", workDir.resolve("sdk").toString()));
        builder.environment().putAll(env);
        return builder.start();
    }

    private void awaitExit(Process agent, String name) throws Exception {
        boolean exited = agent.waitFor(240, TimeUnit.SECONDS);
        String log = Files.readString(workDir.resolve(name + ".log"));
        if (!exited) {
            agent.descendants().forEach(ProcessHandle::destroyForcibly);
            agent.destroyForcibly();
        }
        assertThat(exited).as(name + " exited:\n" + log).isTrue();
        assertThat(agent.exitValue()).as(log).isZero();
    }

    private String awaitContent(Path marker, Process agent, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(marker)) {
                return Files.readString(marker).strip();
            }
            if (!agent.isAlive()) {
                throw new AssertionError(name + " exited:\n" + Files.readString(workDir.resolve(name + ".log")));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no trial started hanging:\n" + Files.readString(workDir.resolve(name + ".log")));
    }

    private static List<JsonNode> sweepRuns(CairnServer server, String sweep) {
        String[] parts = sweep.split("/");
        JsonNode page = client(server).getJson("/runs/" + parts[0] + "/" + parts[1],
                Map.of("filter", "{\"sweep\":\"" + parts[2] + "\"}", "limit", "100"));
        List<JsonNode> runs = new ArrayList<>();
        page.path("runs").forEach(runs::add);
        return runs;
    }

    private static String runPath(JsonNode run) {
        return run.path("entity").asText() + "/" + run.path("project").asText() + "/" + run.path("id").asText();
    }

    private static ServerClient client(CairnServer server) {
        return new ServerClient(server.url(), null);
    }
}
