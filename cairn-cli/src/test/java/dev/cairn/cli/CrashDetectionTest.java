package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training process killed with -9 sends no end record; its silence marks the run crashed. */
class CrashDetectionTest {
    @TempDir
    Path workDir;

    @Test
    void a_run_whose_process_is_killed_becomes_crashed_after_the_heartbeat_timeout() throws Exception {
        try (ServerProcess server = ServerProcess.start(workDir.resolve("server"), ServerProcess.freePort(),
                "--heartbeat-timeout", "2")) {
            server.awaitHealthy(Duration.ofSeconds(60));
            Path output = workDir.resolve("trainer.log");
            List<String> command = new ArrayList<>(JavaProcess.command(CrashingTrainer.class.getName()));
            command.addAll(List.of(server.url(), workDir.resolve("sdk").toString()));
            Process trainer = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            try {
                String runId = awaitRunId(trainer, output);
                ServerClient client = new ServerClient(server.url(), null);
                String runPath = "/runs/crash/detect/" + runId;
                awaitHistory(client, runPath);
                assertThat(client.getJson(runPath, Map.of()).path("state").asText()).isEqualTo("running");

                trainer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

                assertThat(awaitState(client, runPath, "crashed", Duration.ofSeconds(30))).isEqualTo("crashed");
            } finally {
                trainer.destroyForcibly();
            }
        }
    }

    /** The id the trainer prints once its run exists on the server. */
    private static String awaitRunId(Process trainer, Path output) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(output)) {
                if (line.startsWith("run ")) {
                    return line.substring("run ".length()).strip();
                }
            }
            if (!trainer.isAlive()) {
                throw new AssertionError("the trainer exited with " + trainer.exitValue() + ":\n" + Files.readString(output));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the trainer printed no run id within 30 s:\n" + Files.readString(output));
    }

    private static void awaitHistory(ServerClient client, String runPath) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (client.getJson(runPath + "/keys", Map.of()).path("keys").size() > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no history reached the server within 30 s");
    }

    private static String awaitState(ServerClient client, String runPath, String wanted, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            state = client.getJson(runPath, Map.of()).path("state").asText();
            if (state.equals(wanted)) {
                return state;
            }
            Thread.sleep(100);
        }
        return state;
    }
}
