package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.CairnServer;
import dev.cairn.server.ServerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmeQuickStartTest {
    private static final Path README = Path.of(System.getProperty("user.dir")).resolve("../README.md").normalize();
    private static final Path SNIPPET = Path.of(System.getProperty("user.dir"),
            "src/test/java/dev/cairn/cli/ReadmeQuickStart.java");

    @TempDir
    Path workDir;

    @Test
    void the_readme_shows_the_quick_start_that_this_test_runs() throws Exception {
        String source = Files.readString(SNIPPET);
        String snippet = source.substring(source.indexOf("// README start\n") + "// README start\n".length(),
                source.indexOf("        // README end"));
        String unindented = snippet.lines().map(line -> line.substring(Math.min(8, line.length())) + "\n")
                .collect(Collectors.joining());

        assertThat(Files.readString(README)).contains("```java\n" + unindented + "```");
    }

    @Test
    void the_readme_quick_start_logs_a_run_that_the_cli_lists() throws Exception {
        try (CairnServer server = CairnServer.start(ServerOptions.local(workDir.resolve("server")))) {
            ProcessBuilder program = new ProcessBuilder(JavaProcess.command(ReadmeQuickStart.class.getName()))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("program.log").toFile());
            program.environment().put("CAIRN_BASE_URL", server.url());
            program.environment().put("CAIRN_ENTITY", "readme");
            Process process = program.start();

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("quick start finished").isTrue();
            assertThat(process.exitValue()).as(Files.readString(workDir.resolve("program.log"))).isZero();

            Cli.Result list = Cli.run("runs", "list", "mnist", "--base-url", server.url());
            assertThat(list.exitCode()).as(list.toString()).isZero();
            assertThat(list.out()).contains("finished").contains("acc").contains("loss");

            JsonNode runs = new ServerClient(server.url(), null).getJson("/runs/readme/mnist", Map.of()).path("runs");
            assertThat(runs).hasSize(1);
            JsonNode run = runs.get(0);
            assertThat(run.path("config").path("lr").asDouble()).isEqualTo(0.001);
            assertThat(run.path("summary").path("acc").asDouble()).isEqualTo(0.5 + 9 * 0.04);
            assertThat(Files.exists(workDir.resolve("cairn-runs/runs/readme/mnist").resolve(run.path("id").asText())))
                    .as("the local record log in ./cairn-runs").isTrue();
        }
    }
}
