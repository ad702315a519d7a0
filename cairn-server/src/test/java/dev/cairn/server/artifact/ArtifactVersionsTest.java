package dev.cairn.server.artifact;

import static dev.cairn.server.artifact.ArtifactFixture.BASE;
import static dev.cairn.server.artifact.ArtifactFixture.files;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.ApiClient;
import dev.cairn.server.CairnServer;
import dev.cairn.server.TestServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactVersionsTest {
    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void new_files_make_the_next_version_and_the_same_files_give_back_the_existing_one(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ArtifactFixture fixture = new ArtifactFixture(server);
            Map<String, byte[]> first = files("model.pt", "weights 1", "config/params.json", "{}");
            Map<String, byte[]> second = files("model.pt", "weights 2", "config/params.json", "{}");

            JsonNode v0 = fixture.log("cnn", first, "\"metadata\":{\"acc\":0.9}");
            JsonNode v1 = fixture.log("cnn", second, "");
            ApiClient.Response again = fixture.start("cnn", files("config/params.json", "{}", "model.pt", "weights 1"), "");
            JsonNode versions = fixture.api().get(BASE + "/cnn/versions").json().path("versions");
            JsonNode listed = fixture.api().get(BASE).json().path("artifacts");

            assertThat(v0.path("version").asText()).isEqualTo("v0");
            assertThat(v0.path("metadata").path("acc").asDouble()).isEqualTo(0.9);
            assertThat(v0.path("file_count").asInt()).isEqualTo(2);
            assertThat(v0.path("size").asLong()).isEqualTo(11);
            assertThat(v1.path("version").asText()).isEqualTo("v1");
            assertThat(v1.path("digest").asText()).isNotEqualTo(v0.path("digest").asText());
            assertThat(again.status()).as("same files in another order: the existing version").isEqualTo(200);
            assertThat(again.json().path("version").path("version").asText()).isEqualTo("v0");
            assertThat(versions).hasSize(2);
            assertThat(versions.get(0).path("aliases").toString()).isEqualTo("[\"latest\"]");
            assertThat(versions.get(1).path("aliases")).isEmpty();
            assertThat(listed.get(0).path("name").asText()).isEqualTo("cnn");
            assertThat(listed.get(0).path("version_count").asInt()).isEqualTo(2);
            assertThat(listed.get(0).path("latest_version").asText()).isEqualTo("v1");
            assertThat(fixture.api().get(BASE + "/cnn").json().path("version").asText()).isEqualTo("v1");
            assertThat(fixture.start("cnn", first, "\"type\":\"dataset\"").status()).as("duplicate key type").isIn(400, 409);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void an_alias_names_one_version_and_moves_when_set_on_another(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ArtifactFixture fixture = new ArtifactFixture(server);
            fixture.log("cnn", files("m", "1"), "\"aliases\":[\"best\"]");
            fixture.log("cnn", files("m", "2"), "");
            ApiClient api = fixture.api();

            String bestBefore = api.get(BASE + "/cnn:best").json().path("version").asText();
            ApiClient.Response moved = api.post(BASE + "/cnn:v1/aliases", "{\"alias\":\"best\"}");
            JsonNode v0 = api.get(BASE + "/cnn:v0").json();
            ApiClient.Response removed = api.delete(BASE + "/cnn:v1/aliases/best");
            ApiClient.Response latest = api.post(BASE + "/cnn:v0/aliases", "{\"alias\":\"latest\"}");
            ApiClient.Response versionLike = api.post(BASE + "/cnn:v0/aliases", "{\"alias\":\"v7\"}");

            assertThat(bestBefore).isEqualTo("v0");
            assertThat(moved.json().path("aliases").toString()).isEqualTo("[\"best\",\"latest\"]");
            assertThat(v0.path("aliases")).isEmpty();
            assertThat(removed.status()).isEqualTo(200);
            assertThat(api.get(BASE + "/cnn:best").status()).isEqualTo(404);
            assertThat(latest.status()).isEqualTo(400);
            assertThat(latest.errorMessage()).contains("latest");
            assertThat(versionLike.status()).isEqualTo(400);
            assertThat(api.get(BASE + "/cnn:v9").status()).isEqualTo(404);
            assertThat(api.get(BASE + "/nope:v0").errorMessage()).contains("nope");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void lineage_shows_the_run_that_logged_a_version_and_the_runs_that_used_it(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ArtifactFixture fixture = new ArtifactFixture(server);
            fixture.createRun("trainer");
            fixture.createRun("evaluator");
            fixture.log("cnn", files("m", "1"), "\"run\":\"trainer\"");
            ApiClient api = fixture.api();

            ApiClient.Response used = api.post(BASE + "/cnn:latest/usage", "{\"run\":\"alice/mnist/evaluator\"}");
            api.post(BASE + "/cnn:latest/usage", "{\"run\":\"evaluator\"}");
            JsonNode version = api.get(BASE + "/cnn:v0").json();
            JsonNode trainer = api.get("/api/v1/runs/alice/mnist/trainer/artifacts").json();
            JsonNode evaluator = api.get("/api/v1/runs/alice/mnist/evaluator/artifacts").json();
            ApiClient.Response unknownRun = api.post(BASE + "/cnn:v0/usage", "{\"run\":\"ghost\"}");

            assertThat(used.status()).isEqualTo(200);
            assertThat(used.json().path("files").get(0).path("path").asText()).isEqualTo("m");
            assertThat(version.path("created_by").asText()).isEqualTo("alice/mnist/trainer");
            assertThat(version.path("used_by").toString()).as("used twice, listed once")
                    .isEqualTo("[\"alice/mnist/evaluator\"]");
            assertThat(trainer.path("logged").get(0).path("version").asText()).isEqualTo("v0");
            assertThat(trainer.path("used")).isEmpty();
            assertThat(evaluator.path("logged")).isEmpty();
            assertThat(evaluator.path("used").get(0).path("name").asText()).isEqualTo("cnn");
            assertThat(unknownRun.status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_downloaded_file_has_the_uploaded_bytes(String store) throws Exception {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ArtifactFixture fixture = new ArtifactFixture(server);
            byte[] binary = new byte[300_000];
            for (int i = 0; i < binary.length; i++) {
                binary[i] = (byte) (i * 31 + i / 7);
            }
            Map<String, byte[]> files = files("readme.txt", "hello");
            files.put("weights/layer 1.bin", binary);
            fixture.log("cnn", files, "");

            assertThat(fixture.download("cnn:v0", "weights/layer%201.bin")).isEqualTo(binary);
            assertThat(new String(fixture.download("cnn:latest", "readme.txt"), StandardCharsets.UTF_8)).isEqualTo("hello");
            assertThat(fixture.api().get(BASE + "/cnn:v0/files/other.txt").status()).isEqualTo(404);
            List<String> paths = new ArrayList<>();
            fixture.api().get(BASE + "/cnn:v0").json().path("files").forEach(f -> paths.add(f.path("path").asText()));
            assertThat(paths).containsExactly("readme.txt", "weights/layer 1.bin");
        }
    }
}
