package dev.cairn.server.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import dev.cairn.server.ApiClient;
import dev.cairn.server.CairnServer;
import dev.cairn.server.TestServers;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SweepsApiTest {
    static final String SWEEPS = "/api/v1/sweeps/alice/mnist";
    static final String YAML = """
            name: lr-search
            program: train.py
            method: grid
            metric: {name: val_loss, goal: minimize}
            parameters:
              lr: {values: [0.1, 0.01]}
              optimizer: {values: [adam, sgd]}
              epochs: {value: 3}
            """;

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_sweep_created_from_yaml_text_shows_its_file_as_json_and_hands_out_a_run(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());

            ApiClient.Response created = api.post(SWEEPS, Json.mapper().createObjectNode()
                    .put("config_text", YAML).put("notes", "first try").toString());

            assertThat(created.status()).isEqualTo(201);
            JsonNode sweep = created.json();
            assertThat(sweep.path("id").asText()).matches("[a-z0-9]{8}");
            assertThat(sweep.path("entity").asText()).isEqualTo("alice");
            assertThat(sweep.path("project").asText()).isEqualTo("mnist");
            assertThat(sweep.path("name").asText()).isEqualTo("lr-search");
            assertThat(sweep.path("state").asText()).isEqualTo("running");
            assertThat(sweep.path("method").asText()).isEqualTo("grid");
            assertThat(sweep.path("notes").asText()).isEqualTo("first try");
            assertThat(sweep.path("retries").asInt()).isEqualTo(1);
            assertThat(sweep.path("config").path("program").asText()).isEqualTo("train.py");
            assertThat(sweep.path("config").path("parameters").path("lr").path("values").get(1).asDouble()).isEqualTo(0.01);
            assertThat(sweep.path("counts").path("total").asInt()).isZero();
            assertThat(sweep.path("best").isNull()).isTrue();
            String path = SWEEPS + "/" + sweep.path("id").asText();

            JsonNode next = api.post(path + "/next", "{\"agent\":\"host-1\"}").json();

            assertThat(next.path("sweep_state").asText()).isEqualTo("running");
            String runId = next.path("run").path("id").asText();
            assertThat(next.path("run").path("params").path("lr").asDouble()).isEqualTo(0.1);
            assertThat(next.path("run").path("params").path("optimizer").asText()).isEqualTo("adam");
            assertThat(next.path("run").path("params").path("epochs").asInt()).isEqualTo(3);
            JsonNode run = api.get("/api/v1/runs/alice/mnist/" + runId).json();
            assertThat(run.path("state").asText()).isEqualTo("running");
            assertThat(run.path("sweep").asText()).isEqualTo(sweep.path("id").asText());
            assertThat(run.path("config")).isEqualTo(next.path("run").path("params"));
            assertThat(run.path("metadata").path("agent").asText()).isEqualTo("host-1");

            JsonNode again = api.get(path).json();
            assertThat(again.path("counts").path("running").asInt()).isEqualTo(1);
            assertThat(again.path("counts").path("total").asInt()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_sweep_created_from_a_json_object_or_json_text_is_listed_newest_first(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String config = "{\"method\":\"random\",\"parameters\":{\"lr\":{\"min\":0.001,\"max\":0.1}}}";

            ApiClient.Response fromObject = api.post(SWEEPS, "{\"config\":" + config + ",\"retries\":3}");
            ApiClient.Response fromText = api.post(SWEEPS, Json.mapper().createObjectNode()
                    .put("config_text", config).toString());

            assertThat(fromObject.status()).isEqualTo(201);
            assertThat(fromObject.json().path("retries").asInt()).isEqualTo(3);
            assertThat(fromObject.json().path("method").asText()).isEqualTo("random");
            assertThat(fromText.status()).isEqualTo(201);
            assertThat(fromText.json().path("config")).isEqualTo(fromObject.json().path("config"));
            JsonNode sweeps = api.get(SWEEPS).json().path("sweeps");
            assertThat(sweeps).hasSize(2);
            assertThat(sweeps.get(0).path("id").asText()).isEqualTo(fromText.json().path("id").asText());
            assertThat(sweeps.get(1).path("id").asText()).isEqualTo(fromObject.json().path("id").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_bad_sweep_file_is_refused_naming_the_key_path(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String yaml = "method: random\nparameters:\n  lr: {distribution: log-uniform, min: -5, max: 0}\n";

            ApiClient.Response response = api.post(SWEEPS, Json.mapper().createObjectNode()
                    .put("config_text", yaml).toString());

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("bad_request");
            assertThat(response.errorMessage()).contains("parameters.lr.distribution").contains("log_uniform");
            assertThat(api.post(SWEEPS, "{\"config\":{\"method\":\"annealing\",\"parameters\":{}}}").errorMessage())
                    .contains("method").contains("grid");
            assertThat(api.post(SWEEPS, "{\"notes\":\"no file\"}").errorMessage()).contains("config_text");
            assertThat(api.post(SWEEPS, "{\"config_text\":\"method: grid\\nparameters: {a: {values: [1]}}\","
                    + "\"retries\":-1}").errorMessage()).contains("retries");
            assertThat(api.get("/api/v1/projects?entity=alice").json().path("projects"))
                    .as("a refused sweep creates no project").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void unknown_sweeps_answer_404_and_malformed_bodies_400(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String id = api.post(SWEEPS, "{\"config_text\":" + Json.mapper().valueToTree(YAML) + "}").json()
                    .path("id").asText();

            assertThat(api.get(SWEEPS + "/nosuch").status()).isEqualTo(404);
            assertThat(api.get(SWEEPS + "/nosuch").errorMessage()).contains("alice/mnist/nosuch");
            assertThat(api.post(SWEEPS + "/nosuch/next", "{}").status()).isEqualTo(404);
            assertThat(api.post(SWEEPS + "/nosuch/pause", "").status()).isEqualTo(404);
            assertThat(api.get("/api/v1/sweeps/alice/other").status()).isEqualTo(404);
            assertThat(api.get("/api/v1/sweeps/bob/mnist/" + id).status()).isEqualTo(404);

            ApiClient.Response badJson = api.post(SWEEPS, "{\"config_text\":");
            assertThat(badJson.status()).isEqualTo(400);
            assertThat(badJson.errorCode()).isEqualTo("bad_json");
            assertThat(api.post(SWEEPS + "/" + id + "/next", "{\"agent\":").errorCode()).isEqualTo("bad_json");
            assertThat(api.post(SWEEPS + "/" + id + "/next", "{\"agent\":7}").status()).isEqualTo(400);
            assertThat(api.patch(SWEEPS + "/" + id, "[1]").status()).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void notes_can_be_changed(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String id = api.post(SWEEPS, "{\"config_text\":" + Json.mapper().valueToTree(YAML) + "}").json()
                    .path("id").asText();

            ApiClient.Response patched = api.patch(SWEEPS + "/" + id, "{\"notes\":\"adam wins\"}");

            assertThat(patched.status()).isEqualTo(200);
            assertThat(patched.json().path("notes").asText()).isEqualTo("adam wins");
            assertThat(api.get(SWEEPS + "/" + id).json().path("notes").asText()).isEqualTo("adam wins");
            assertThat(api.patch(SWEEPS + "/" + id, "{\"notes\":5}").status()).isEqualTo(400);
        }
    }
}
