package dev.cairn.server.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.ApiClient;
import dev.cairn.server.CairnServer;
import dev.cairn.server.TestServers;
import dev.cairn.server.run.RunReaper;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A crashed grid run that comes back after its point went to another run: superseded, told to stop. */
class SweepRevivalTest {
    private static final String GRID_1 = """
            method: grid
            parameters:
              lr: {values: [0.1]}
            """;

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_crashed_run_that_heartbeats_after_its_point_was_reissued_is_told_to_stop_and_the_point_stays(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            SweepClient sweep = SweepClient.create(new ApiClient(server.url()), GRID_1);
            String first = sweep.nextRunId();
            crashSilentRuns(server, 1);
            JsonNode reissued = sweep.next().path("run");
            String second = reissued.path("id").asText();
            assertThat(reissued.path("params").path("lr").asDouble()).isEqualTo(0.1);

            JsonNode comeback = sweep.heartbeat(first);

            assertThat(comeback.path("state").asText()).as("the heartbeat revives it").isEqualTo("running");
            assertThat(comeback.path("stop").asBoolean()).as("but it is told to stop").isTrue();
            assertThat(sweep.heartbeat(second).path("stop").asBoolean()).as("the re-issued run goes on").isFalse();
            JsonNode shown = sweep.sweep();
            assertThat(shown.path("superseded")).hasSize(1);
            assertThat(shown.path("superseded").get(0).asText()).isEqualTo(first);

            sweep.end(first, "killed"); // what the agent or the SDK does on stop
            assertThat(sweep.next().path("run").isNull()).as("the point is still held by the re-issued run").isTrue();
            sweep.end(second, "finished");
            assertThat(sweep.next().path("sweep_state").asText()).isEqualTo("finished");
            assertThat(sweep.sweep().path("superseded").get(0).asText()).isEqualTo(first);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_comeback_still_counts_as_the_crash_so_the_point_is_not_retried_more_than_retries(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            SweepClient sweep = SweepClient.create(new ApiClient(server.url()), GRID_1);
            String first = sweep.nextRunId();
            crashSilentRuns(server, 1);
            String second = sweep.nextRunId();
            ApiClient.Response resumed = sweep.api.post(SweepClient.RUNS, "{\"id\":\"" + first + "\",\"resume\":\"allow\"}");
            assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
            assertThat(sweep.heartbeat(first).path("stop").asBoolean()).as("a resumed run too").isTrue();
            sweep.end(first, "killed");

            sweep.end(second, "crashed");

            JsonNode answer = sweep.next();
            assertThat(answer.path("run").isNull()).as("retries is 1: two crashes on the point end it").isTrue();
            assertThat(answer.path("sweep_state").asText()).isEqualTo("finished");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_crashed_run_that_comes_back_before_its_point_is_reissued_keeps_it(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            SweepClient sweep = SweepClient.create(new ApiClient(server.url()), GRID_1);
            String first = sweep.nextRunId();
            crashSilentRuns(server, 1);

            assertThat(sweep.heartbeat(first).path("stop").asBoolean()).isFalse();
            assertThat(sweep.next().path("run").isNull()).isTrue();
            assertThat(sweep.sweep().path("superseded")).isEmpty();
        }
    }

    private static void crashSilentRuns(CairnServer server, int expected) {
        RunReaper reaper = server.services().runs().reaper();
        Instant afterTimeout = Instant.now().plus(server.services().options().heartbeatTimeout()).plusSeconds(1);
        assertThat(reaper.runOnce(afterTimeout)).isEqualTo(expected);
    }
}
