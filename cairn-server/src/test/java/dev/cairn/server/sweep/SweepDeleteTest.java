package dev.cairn.server.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.ApiClient;
import dev.cairn.server.CairnServer;
import dev.cairn.server.TestServers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code DELETE /sweeps/...}: the sweep goes; its runs stay as ordinary runs, or go to the trash. */
class SweepDeleteTest {
    private static final String RUNS = SweepClient.RUNS;

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_deleted_sweep_is_gone_and_its_runs_stay_as_ordinary_runs(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            SweepClient sweep = SweepClient.create(api, SweepControllerTest.GRID_2);
            String first = sweep.nextRunId();
            sweep.end(first, "finished");

            ApiClient.Response deleted = api.delete(sweep.path);

            assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
            assertThat(deleted.json().path("deleted").asBoolean()).isTrue();
            assertThat(deleted.json().path("runs").asInt()).isEqualTo(1);
            assertThat(deleted.json().path("runs_deleted").asInt()).isZero();
            assertThat(api.get(sweep.path).status()).isEqualTo(404);
            assertThat(api.get(SweepClient.SWEEPS).json().path("sweeps")).isEmpty();
            JsonNode run = api.get(RUNS + "/" + first).json();
            assertThat(run.path("sweep").isNull()).as("an ordinary run now").isTrue();
            assertThat(run.path("config").path("lr").asDouble()).as("its config is kept").isEqualTo(0.1);
            assertThat(api.patch(RUNS + "/" + first, "{\"config\":{\"lr\":0.7}}").json().path("config").path("lr")
                    .asDouble()).as("the sweep's parameters no longer win").isEqualTo(0.7);
            assertThat(api.get(RUNS + "?filter=" + encode("{\"sweep\":\"" + sweep.id + "\"}")).json().path("total")
                    .asInt()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void delete_runs_moves_the_sweeps_runs_to_the_trash_where_they_can_be_restored(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            SweepClient sweep = SweepClient.create(api, SweepControllerTest.GRID_2);
            String first = sweep.nextRunId();
            String second = sweep.nextRunId();
            sweep.end(first, "finished");
            sweep.end(second, "failed");
            String plain = api.post(RUNS, "{}").json().path("id").asText();

            ApiClient.Response deleted = api.delete(sweep.path + "?delete_runs=true");

            assertThat(deleted.json().path("runs_deleted").asInt()).isEqualTo(2);
            assertThat(api.get(RUNS + "/" + first).status()).isEqualTo(404);
            assertThat(api.get(RUNS).json().path("total").asInt()).as("only the run of no sweep").isEqualTo(1);
            assertThat(api.get(RUNS + "/" + plain).status()).isEqualTo(200);
            JsonNode restored = api.post(RUNS + "/" + second + "/restore", "").json();
            assertThat(restored.path("deleted").asBoolean()).isFalse();
            assertThat(restored.path("state").asText()).isEqualTo("failed");
            assertThat(restored.path("sweep").isNull()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_sweep_with_running_trials_is_deleted_only_once_stopped_or_with_force(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            SweepClient sweep = SweepClient.create(api, SweepControllerTest.GRID_2);
            String running = sweep.nextRunId();

            ApiClient.Response refused = api.delete(sweep.path);

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.errorMessage()).contains("1 running trial", running, "/stop", "force=true");
            assertThat(sweep.sweep().path("state").asText()).isEqualTo("running");
            sweep.action("pause");
            assertThat(api.delete(sweep.path).status()).as("paused, still running trials").isEqualTo(409);
            sweep.action("stop");
            assertThat(api.delete(sweep.path).status()).as("stopped").isEqualTo(200);
            assertThat(sweep.heartbeat(running).path("stop").asBoolean()).as("an ordinary running run").isFalse();

            SweepClient other = SweepClient.create(api, SweepControllerTest.GRID_2);
            String otherRun = other.nextRunId();
            ApiClient.Response forced = api.delete(other.path + "?force=true&delete_runs=true");
            assertThat(forced.status()).isEqualTo(200);
            assertThat(api.get(RUNS + "/" + otherRun + "?include_deleted=true").json().path("deleted").asBoolean())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void an_unknown_sweep_or_a_bad_flag_is_refused(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            SweepClient sweep = SweepClient.create(api, SweepControllerTest.GRID_2);

            assertThat(api.delete(sweep.path + "?force=yes").status()).isEqualTo(400);
            assertThat(api.delete(SweepClient.SWEEPS + "/nosuchsw").status()).isEqualTo(404);
            assertThat(api.delete(sweep.path).status()).isEqualTo(200);
            assertThat(api.delete(sweep.path).status()).as("deleted already").isEqualTo(404);
            SweepClient next = SweepClient.create(api, SweepControllerTest.GRID_2);
            assertThat(next.nextRunId()).as("a new sweep after a deleted one starts afresh").isNotBlank();
            assertThat(next.sweep().path("counts").path("total").asInt()).isEqualTo(1);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
