package dev.cairn.server.metrics;

import static dev.cairn.server.metrics.RunFixture.history;
import static dev.cairn.server.metrics.RunFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.ApiClient;
import dev.cairn.server.CairnServer;
import dev.cairn.server.TestServers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordIngestTest {
    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void retried_batch_is_stored_once(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String run = RunFixture.create(server, "alice", "mnist", "r1");
            String[] batch = {history(1, 0, "{\"loss\":0.9}"), history(2, 1, "{\"loss\":0.8}")};

            ApiClient.Response first = post(api, run, batch);
            ApiClient.Response retry = post(api, run, batch);

            assertThat(first.json().path("applied").asInt()).isEqualTo(2);
            assertThat(retry.status()).isEqualTo(200);
            assertThat(retry.json().path("applied").asInt()).isZero();
            assertThat(retry.json().path("duplicates").asInt()).isEqualTo(2);
            assertThat(retry.json().path("last_seq").asLong()).isEqualTo(2);
            JsonNode points = api.get(run + "/history?keys=loss").json().path("points").path("loss");
            assertThat(points).hasSize(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_gap_in_seq_answers_409_naming_the_expected_seq_and_applies_nothing(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String run = RunFixture.create(server, "alice", "mnist", "r1");
            post(api, run, history(1, "{\"loss\":1}"));

            ApiClient.Response gap = post(api, run, history(2, "{\"loss\":2}"), history(4, "{\"loss\":4}"));

            assertThat(gap.status()).isEqualTo(409);
            assertThat(gap.errorCode()).isEqualTo("seq_gap");
            assertThat(gap.errorMessage()).contains("expected seq 3");
            assertThat(api.get(run + "/history?keys=loss").json().path("points").path("loss")).hasSize(1);
            assertThat(RunFixture.column(server, run, "last_seq")).isEqualTo("1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void records_without_step_take_the_previous_step_plus_one(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String run = RunFixture.create(server, "alice", "mnist", "r1");

            post(api, run, history(1, "{\"a\":1}"), history(2, "{\"a\":2}"), history(3, 10, "{\"a\":3}"),
                    history(4, "{\"a\":4}"));

            JsonNode points = api.get(run + "/history?keys=a").json().path("points").path("a");
            assertThat(points.findValuesAsText("step")).containsExactly("0", "1", "10", "11");
            assertThat(RunFixture.column(server, run, "next_step")).isEqualTo("12");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void out_of_order_and_repeated_steps_are_all_stored(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String run = RunFixture.create(server, "alice", "mnist", "r1");

            post(api, run, history(1, 5, "{\"a\":1}"), history(2, 3, "{\"a\":2}"), history(3, 5, "{\"a\":3}"),
                    history(4, 0, "{\"a\":4}"));

            JsonNode points = api.get(run + "/history?keys=a").json().path("points").path("a");
            assertThat(points.findValuesAsText("step")).containsExactly("0", "3", "5", "5");
            assertThat(points.findValuesAsText("value")).containsExactly("4.0", "2.0", "1.0", "3.0");
            JsonNode keys = api.get(run + "/keys").json().path("keys").get(0);
            assertThat(keys.path("count").asInt()).isEqualTo(4);
            assertThat(keys.path("last_value").asDouble()).isEqualTo(4.0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void nan_and_infinities_round_trip_in_raw_reads_and_summary(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String run = RunFixture.create(server, "alice", "mnist", "r1");

            post(api, run, history(1, "{\"a\":\"NaN\",\"b\":\"Infinity\",\"c\":-Infinity}"),
                    history(2, "{\"d\":NaN}"));

            JsonNode points = api.get(run + "/history?keys=a,b,c,d").json().path("points");
            assertThat(points.path("a").get(0).path("value").asText()).isEqualTo("NaN");
            assertThat(points.path("b").get(0).path("value").asText()).isEqualTo("Infinity");
            assertThat(points.path("c").get(0).path("value").asText()).isEqualTo("-Infinity");
            assertThat(points.path("d").get(0).path("value").asText()).isEqualTo("NaN");
            JsonNode summary = RunFixture.json(server, run, "summary");
            assertThat(summary.path("a").asText()).isEqualTo("NaN");
            assertThat(summary.path("b").asText()).isEqualTo("Infinity");
            assertThat(summary.path("c").asText()).isEqualTo("-Infinity");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void config_records_merge_at_the_top_level_and_show_in_run_fields(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String run = RunFixture.create(server, "alice", "mnist", "r1");

            post(api, run, "{\"seq\":1,\"type\":\"config\",\"time\":1,\"values\":{\"lr\":0.001,\"model\":{\"layers\":4},\"drop\":1}}",
                    "{\"seq\":2,\"type\":\"config\",\"time\":2,\"values\":{\"lr\":0.01,\"drop\":null}}",
                    "{\"seq\":3,\"type\":\"metadata\",\"time\":3,\"values\":{\"host\":\"gpu-1\"}}");

            JsonNode config = RunFixture.json(server, run, "config");
            assertThat(config.path("lr").asDouble()).isEqualTo(0.01);
            assertThat(config.path("model").path("layers").asInt()).isEqualTo(4);
            assertThat(config.has("drop")).isFalse();
            assertThat(RunFixture.fields(server, run)).containsEntry("config.lr", "0.01")
                    .containsEntry("config.model.layers", "4").doesNotContainKey("config.drop");
            assertThat(RunFixture.json(server, run, "metadata").path("host").asText()).isEqualTo("gpu-1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_later_console_record_replaces_its_line(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String run = RunFixture.create(server, "alice", "mnist", "r1");

            post(api, run, console(1, 0, "starting"), console(2, 1, "[==>   ] 30%"));
            post(api, run, console(3, 1, "[======] 100%"), console(4, 2, "done"));

            JsonNode page = api.get(run + "/console?from_line=1&limit=10").json();
            assertThat(page.path("lines").findValuesAsText("text")).containsExactly("[======] 100%", "done");
            assertThat(page.path("next_line").asInt()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void an_invalid_record_answers_400_naming_index_seq_and_field_and_applies_nothing(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String run = RunFixture.create(server, "alice", "mnist", "r1");

            ApiClient.Response badStep = post(api, run, history(1, "{\"a\":1}"), history(2, -3, "{\"a\":2}"));
            ApiClient.Response unknownType = post(api, run, "{\"seq\":1,\"type\":\"bogus\",\"time\":1}");
            ApiClient.Response missingValues = post(api, run, "{\"seq\":1,\"type\":\"history\",\"time\":1}");

            assertThat(badStep.status()).isEqualTo(400);
            assertThat(badStep.errorMessage()).contains("record 1", "seq 2", "'step'", "-3");
            assertThat(unknownType.errorMessage()).contains("record 0", "'type'", "bogus");
            assertThat(missingValues.errorMessage()).contains("'values'");
            assertThat(api.get(run + "/keys").json().path("keys")).isEmpty();
            assertThat(RunFixture.column(server, run, "last_seq")).isEqualTo("0");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void malformed_json_answers_400_and_an_unknown_run_404(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String run = RunFixture.create(server, "alice", "mnist", "r1");

            ApiClient.Response malformed = api.post(run + "/records", "{\"records\":[{\"seq\":1,");
            ApiClient.Response unknown = post(api, "/api/v1/runs/alice/mnist/nope", history(1, "{\"a\":1}"));

            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.errorCode()).isEqualTo("bad_json");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.errorMessage()).contains("alice/mnist/nope");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_batch_revives_a_crashed_run_and_an_exit_record_ends_it(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String run = RunFixture.create(server, "alice", "mnist", "r1");
            server.services().database().inTransaction(c -> c.createStatement().executeUpdate(
                    "UPDATE runs SET state = 'crashed', heartbeat_at = 0"));

            post(api, run, history(1, "{\"a\":1}"));
            String revived = RunFixture.column(server, run, "state");
            post(api, run, "{\"seq\":2,\"type\":\"exit\",\"time\":1764072009.9,\"state\":\"failed\",\"exit_code\":3}");

            assertThat(revived).isEqualTo("running");
            assertThat(RunFixture.column(server, run, "state")).isEqualTo("failed");
            assertThat(RunFixture.column(server, run, "exit_code")).isEqualTo("3");
            assertThat(RunFixture.column(server, run, "finished_at")).isEqualTo("1764072009900");
            assertThat(Long.parseLong(RunFixture.column(server, run, "heartbeat_at"))).isPositive();
        }
    }

    static String console(long seq, long line, String text) {
        return "{\"seq\":" + seq + ",\"type\":\"console\",\"time\":" + seq + ",\"stream\":\"stdout\",\"line\":" + line
                + ",\"text\":\"" + text + "\"}";
    }

    static List<String> historyRecords(int count) {
        List<String> records = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            records.add(history(i, "{\"a\":" + i + "}"));
        }
        return records;
    }
}
