package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.CairnServer;
import dev.cairn.server.ServerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples in examples/ run as their javadoc says, train for real, and their runs land on the server. */
class ExamplesTest {
    private static final Path TWO_MOONS = Path.of("..", "examples", "java", "TwoMoons.java");

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
}
