package dev.cairn.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShutdownHookTest {
    @TempDir
    Path dir;

    /** A training program that forgets to call finish(). */
    public static final class ForgetfulProgram {
        public static void main(String[] args) {
            Run run = Cairn.init(InitOptions.builder().mode(Mode.OFFLINE).dir(Path.of(args[0])).entity("alice")
                    .project("forgot").sampleIntervalMs(0).build());
            for (int step = 0; step < 100; step++) {
                run.log(Map.of("x", step));
            }
        }
    }

    @Test
    void a_jvm_that_exits_without_finish_ends_the_run_as_failed_with_every_record_written()
            throws IOException, InterruptedException {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                ForgetfulProgram.class.getName(), dir.toString()).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Path runDir;
        try (Stream<Path> runs = Files.list(dir.resolve("runs/alice/forgot"))) {
            runDir = runs.findFirst().orElseThrow();
        }
        List<JsonNode> records = RunLogs.records(runDir);
        assertThat(RunLogs.ofType(records, "history")).hasSize(100);
        JsonNode last = records.get(records.size() - 1);
        assertThat(last.path("type").asText()).isEqualTo("exit");
        assertThat(last.path("state").asText()).isEqualTo("failed");
    }
}
