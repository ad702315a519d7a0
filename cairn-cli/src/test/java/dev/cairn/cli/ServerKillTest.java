package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.Cairn;
import dev.cairn.client.InitOptions;
import dev.cairn.client.Mode;
import dev.cairn.client.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server killed with -9 in the middle of heavy ingestion loses nothing and stores nothing twice. */
class ServerKillTest {
    private static final int STEPS = 40_000;
    private static final List<String> KEYS = List.of("loss", "acc", "lr");

    @TempDir
    Path workDir;

    @Test
    void every_point_logged_across_a_server_kill_is_stored_exactly_once() throws Exception {
        int port = ServerProcess.freePort();
        Path serverData = workDir.resolve("server");
        Run run;
        try (ServerProcess server = ServerProcess.start(serverData, port)) {
            server.awaitHealthy(Duration.ofSeconds(60));
            run = Cairn.init(InitOptions.builder().entity("kill").project("ingest").baseUrl(server.url())
                    .dir(workDir.resolve("sdk")).mode(Mode.ONLINE).sampleIntervalMs(0).finishTimeoutMs(120_000).build());
            logSteps(run, 0, STEPS / 2);
            awaitAcked(run.dir().resolve("acked"), 1);

            server.killHard();

            assertThat(server.process.exitValue()).as("killed, not stopped").isEqualTo(137);
            assertThat(ackedSeq(run.dir().resolve("acked"))).as("acknowledged before the kill").isLessThan(STEPS / 2);
        }
        logSteps(run, STEPS / 2, STEPS);

        try (ServerProcess restarted = ServerProcess.start(serverData, port)) {
            restarted.awaitHealthy(Duration.ofSeconds(60));
            run.finish();

            ServerClient client = new ServerClient(restarted.url(), null);
            String runPath = "/runs/kill/ingest/" + run.id();
            assertThat(client.getJson(runPath, Map.of()).path("state").asText()).isEqualTo("finished");
            for (String key : KEYS) {
                List<JsonNode> points = history(client, runPath, key);
                assertThat(points).as("points of %s", key).hasSize(STEPS);
                for (int step = 0; step < STEPS; step++) {
                    assertThat(points.get(step).path("step").asLong()).isEqualTo(step);
                    assertThat(points.get(step).path("value").asDouble()).isEqualTo(valuesAt(step).get(key));
                }
            }
        }
    }

    private static Map<String, Double> valuesAt(int step) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("loss", 1.0 / (step + 1));
        values.put("acc", step / (double) STEPS);
        values.put("lr", 0.1 * Math.pow(0.999, step));
        return values;
    }

    private static void logSteps(Run run, int fromStep, int toStep) {
        for (int step = fromStep; step < toStep; step++) {
            run.log(valuesAt(step), step);
        }
    }

    private static long ackedSeq(Path acked) throws java.io.IOException {
        return Files.exists(acked) ? Long.parseLong(Files.readString(acked).strip()) : 0;
    }

    /** Waits until the server has acknowledged at least {@code seq} records, so the kill lands mid-stream. */
    private static void awaitAcked(Path acked, long seq) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (ackedSeq(acked) >= seq) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the server acknowledged fewer than " + seq + " records in 60 s");
    }

    /** Every point of one metric, page after page, in step order. */
    private static List<JsonNode> history(ServerClient client, String runPath, String key) {
        List<JsonNode> points = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("keys", key);
            query.put("limit", "10000");
            query.put("cursor", cursor);
            JsonNode page = client.getJson(runPath + "/history", query);
            page.path("points").path(key).forEach(points::add);
            cursor = page.path("next_cursor").isTextual() ? page.path("next_cursor").asText() : null;
        } while (cursor != null);
        return points;
    }
}
