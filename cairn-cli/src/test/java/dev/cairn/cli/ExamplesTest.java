package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.CairnServer;
import dev.cairn.server.ServerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples in examples/ run as their javadoc says, train for real, and their runs land on the server. */
class ExamplesTest {
    private static final Path TWO_MOONS = Path.of("..", "examples", "java", "TwoMoons.java");
    private static final Path SWEEP = Path.of("..", "examples", "java", "sweep.yaml");
    private static final Pattern AGENT_COMMAND = Pattern.compile("\\./cairn agent (\\S+)");

    @TempDir
    Path workDir;

    @Test
    void the_two_moons_example_trains_and_its_run_shows_the_learning() throws Exception {
        try (CairnServer server = CairnServer.start(ServerOptions.local(workDir.resolve("server")))) {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), TWO_MOONS.toString(), "--epochs", "30");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("example.log").toFile());
            builder.environment().putAll(Map.of("CAIRN_BASE_URL", server.url(), "CAIRN_ENTITY", "examples",
                    "CAIRN_DIR", workDir.resolve("sdk").toString()));
            Process example = builder.start();
            assertThat(example.waitFor(120, TimeUnit.SECONDS)).as("example finished").isTrue();
            String output = Files.readString(workDir.resolve("example.log"));
            assertThat(example.exitValue()).as(output).isZero();

            ServerClient client = new ServerClient(server.url(), null);
            JsonNode runs = client.getJson("/runs/examples/two-moons", Map.of()).path("runs");
            assertThat(runs).hasSize(1);
            JsonNode run = runs.get(0);
            assertThat(run.path("state").asText()).isEqualTo("finished");
            assertThat(run.path("config").path("epochs").asInt()).isEqualTo(30);
            assertThat(run.path("summary").path("val/acc").asDouble()).as("validation accuracy").isGreaterThan(0.9);

            JsonNode losses = client.getJson("/runs/examples/two-moons/" + run.path("id").asText() + "/history",
                    Map.of("keys", "train/loss")).path("points").path("train/loss");
            assertThat(losses).hasSize(30);
            assertThat(losses.get(29).path("value").asDouble()).as("last epoch's loss below the first's")
                    .isLessThan(losses.get(0).path("value").asDouble());
        }
    }

    @Test
    void the_example_sweep_runs_two_moons_trials_under_the_agent() throws Exception {
        try (CairnServer server = CairnServer.start(ServerOptions.local(workDir.resolve("server")))) {
            // The file as shipped, but the jar the tests have not packaged yet is this test's class path.
            String text = Files.readString(SWEEP).replace("cairn-cli/target/cairn.jar",
                    "'" + System.getProperty("java.class.path") + "'");
            Path sweepFile = Files.writeString(workDir.resolve("sweep.yaml"), text);
            Cli.Result created = Cli.run("sweep", sweepFile.toString(), "--entity", "examples", "--base-url", server.url());
            assertThat(created.exitCode()).as(created.toString()).isZero();
            Matcher agentCommand = AGENT_COMMAND.matcher(created.out());
            assertThat(agentCommand.find()).as(created.toString()).isTrue();
            String sweep = agentCommand.group(1);
            assertThat(sweep).startsWith("examples/two-moons/");

            List<String> command = new ArrayList<>(JavaProcess.command(Main.class.getName()));
            command.addAll(List.of("agent", sweep, "--count", "2", "--base-url", server.url()));
            ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("..").toFile()).redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("agent.log").toFile());
            builder.environment().put("CAIRN_DIR", workDir.resolve("sdk").toString());
            Process agent = builder.start();
            boolean exited = agent.waitFor(300, TimeUnit.SECONDS);
            String output = Files.readString(workDir.resolve("agent.log"));
            if (!exited) {
                agent.descendants().forEach(ProcessHandle::destroyForcibly);
                agent.destroyForcibly();
            }
            assertThat(exited).as(output).isTrue();
            assertThat(agent.exitValue()).as(output).isZero();

            ServerClient client = new ServerClient(server.url(), null);
            JsonNode runs = client.getJson("/runs/examples/two-moons", Map.of("filter",
                    "{\"sweep\":\"" + sweep.substring(sweep.lastIndexOf('/') + 1) + "\"}")).path("runs");
            assertThat(runs).as(output).hasSize(2);
            for (JsonNode run : runs) {
                assertThat(run.path("state").asText()).as(output).isIn("finished", "killed");
                assertThat(run.path("config").path("lr").asDouble()).isBetween(0.005, 1.0);
                assertThat(run.path("config").path("hidden").asInt()).isIn(2, 4, 8, 16, 32);
                assertThat(run.path("config").path("epochs").asInt()).isEqualTo(20);
                assertThat(run.path("summary").path("val/acc").isNumber()).as("logged val/acc").isTrue();
            }
        }
    }
}
