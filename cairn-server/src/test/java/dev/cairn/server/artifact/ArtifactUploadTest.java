package dev.cairn.server.artifact;

import static dev.cairn.server.artifact.ArtifactFixture.BASE;
import static dev.cairn.server.artifact.ArtifactFixture.files;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.ApiClient;
import dev.cairn.server.CairnServer;
import dev.cairn.server.ServerOptions;
import dev.cairn.server.TestServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactUploadTest {
    @TempDir
    Path dataDir;

    private ServerOptions options(String store) {
        ServerOptions local = ServerOptions.local(dataDir);
        return "postgresql".equals(store) ? local.withDbUrl(TestServers.freshPostgresDatabase()) : local;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_commit_before_every_blob_arrived_is_refused_naming_the_missing_files(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ArtifactFixture fixture = new ArtifactFixture(server);
            Map<String, byte[]> files = files("a.txt", "aaa", "b/c.txt", "ccc");
            ApiClient.Response started = fixture.start("data", files, "");
            fixture.putBlob(files.get("a.txt"));

            ApiClient.Response commit = fixture.commit(started.json().path("upload_id").asLong());

            assertThat(started.status()).isEqualTo(201);
            assertThat(started.json().path("missing")).hasSize(2);
            assertThat(commit.status()).isEqualTo(409);
            assertThat(commit.errorMessage()).contains("b/c.txt").doesNotContain("a.txt");
            assertThat(fixture.api().get(BASE + "/data:v0").status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void bytes_that_do_not_match_their_digest_or_the_size_limit_are_not_kept(String store) {
        try (CairnServer server = CairnServer.start(options(store).withMaxBlobBytes(1000))) {
            ArtifactFixture fixture = new ArtifactFixture(server);
            Map<String, byte[]> files = files("a.txt", "the real content");
            ApiClient.Response started = fixture.start("data", files, "");
            String digest = ArtifactFixture.sha256(files.get("a.txt"));

            ApiClient.Response wrong = fixture.api().put(BASE + "/blobs/" + digest, "tampered".getBytes(StandardCharsets.UTF_8));
            ApiClient.Response tooLarge = fixture.putBlob(new byte[1001]);
            ApiClient.Response badName = fixture.api().put(BASE + "/blobs/xyz", new byte[1]);
            ApiClient.Response commit = fixture.commit(started.json().path("upload_id").asLong());

            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.errorMessage()).contains(digest);
            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.errorMessage()).contains("1000 bytes");
            assertThat(badName.status()).isEqualTo(400);
            assertThat(commit.status()).as("the tampered bytes were not kept").isEqualTo(409);
            assertThat(fixture.putBlob(files.get("a.txt")).status()).isEqualTo(201);
            assertThat(fixture.putBlob(files.get("a.txt")).json().path("stored").asBoolean()).isFalse();
            assertThat(fixture.commit(started.json().path("upload_id").asLong()).status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_file_larger_than_the_request_limit_streams_into_the_blob_store(String store) throws Exception {
        try (CairnServer server = CairnServer.start(options(store).withMaxRequestBytes(64 * 1024))) {
            ArtifactFixture fixture = new ArtifactFixture(server);
            byte[] big = new byte[1024 * 1024];
            new java.util.Random(3).nextBytes(big);
            Map<String, byte[]> files = new java.util.LinkedHashMap<>();
            files.put("big.bin", big);

            fixture.log("big", files, "");

            assertThat(fixture.download("big:v0", "big.bin")).isEqualTo(big);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void paths_that_could_leave_the_artifact_are_refused_by_name(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ArtifactFixture fixture = new ArtifactFixture(server);
            for (String path : new String[] {"../etc/passwd", "/abs/file", "a\\\\b", "a\\u0000b", "a/./b"}) {
                ApiClient.Response started = fixture.api().post(BASE, "{\"name\":\"data\",\"type\":\"dataset\","
                        + "\"files\":[{\"path\":\"" + path + "\",\"sha256\":\"" + "0".repeat(64) + "\",\"size\":1}]}");
                assertThat(started.status()).as(path).isEqualTo(400);
                assertThat(started.errorMessage()).as(path).contains("file path '");
            }
            assertThat(fixture.api().get(BASE + "/data:v0/files/..%2Fx").status()).isIn(400, 404);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_restart_keeps_versions_aliases_lineage_and_bytes_but_no_half_upload(String store) throws Exception {
        ServerOptions options = options(store);
        Map<String, byte[]> half = files("x.bin", "xxx", "y.bin", "yyy");
        long halfUpload;
        try (CairnServer server = CairnServer.start(options)) {
            ArtifactFixture fixture = new ArtifactFixture(server);
            fixture.createRun("trainer");
            fixture.log("cnn", files("m", "weights"), "\"run\":\"trainer\",\"aliases\":[\"best\"]");
            ApiClient.Response started = fixture.start("cnn", half, "");
            halfUpload = started.json().path("upload_id").asLong();
            fixture.putBlob(half.get("x.bin"));
            // the client dies here: no more blobs, no commit
        }
        try (CairnServer server = CairnServer.start(options)) {
            ArtifactFixture fixture = new ArtifactFixture(server);
            JsonNode versions = fixture.api().get(BASE + "/cnn/versions").json().path("versions");
            JsonNode best = fixture.api().get(BASE + "/cnn:best").json();
            ApiClient.Response resumed = fixture.start("cnn", half, "");

            assertThat(versions).as("the half upload is no version").hasSize(1);
            assertThat(best.path("aliases").toString()).isEqualTo("[\"best\",\"latest\"]");
            assertThat(best.path("created_by").asText()).isEqualTo("alice/mnist/trainer");
            assertThat(fixture.download("cnn:v0", "m")).isEqualTo("weights".getBytes(StandardCharsets.UTF_8));
            assertThat(resumed.json().path("upload_id").asLong()).as("the same manifest resumes").isEqualTo(halfUpload);
            assertThat(resumed.json().path("missing").toString())
                    .isEqualTo("[\"" + ArtifactFixture.sha256(half.get("y.bin")) + "\"]");
            fixture.putBlob(half.get("y.bin"));
            assertThat(fixture.commit(halfUpload).json().path("version").asText()).isEqualTo("v1");
        }
        try (Stream<Path> leftovers = Files.list(dataDir.resolve("blobs").resolve("tmp"))) {
            assertThat(leftovers).as("no temporary blob files left").isEmpty();
        }
    }
}
