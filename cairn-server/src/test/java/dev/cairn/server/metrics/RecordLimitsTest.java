package dev.cairn.server.metrics;

import static dev.cairn.server.metrics.RunFixture.history;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.server.ApiClient;
import dev.cairn.server.CairnServer;
import dev.cairn.server.ServerOptions;
import dev.cairn.server.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordLimitsTest {
    private static final long LIMIT_BYTES = 64 * 1024;

    @TempDir
    Path dataDir;

    private CairnServer start(String store) {
        ServerOptions options = ServerOptions.local(dataDir).withMaxRequestBytes(LIMIT_BYTES);
        return CairnServer.start("postgresql".equals(store)
                ? options.withDbUrl(TestServers.freshPostgresDatabase()) : options);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_gzip_body_is_inflated_and_applied(String store) throws IOException {
        try (CairnServer server = start(store)) {
            ApiClient api = new ApiClient(server.url());
            String run = RunFixture.create(server, "alice", "mnist", "r1");
            byte[] body = gzip("{\"records\":[" + history(1, "{\"loss\":0.5}") + "]}");

            ApiClient.Response response = api.send(HttpRequest.newBuilder(api.uri(run + "/records"))
                    .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("applied").asInt()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void an_oversized_batch_answers_413_stating_the_limit(String store) throws IOException {
        try (CairnServer server = start(store)) {
            ApiClient api = new ApiClient(server.url());
            String run = RunFixture.create(server, "alice", "mnist", "r1");
            byte[] bomb = gzip("{\"records\":[]," + "\"pad\":\"" + "x".repeat(200_000) + "\"}");

            String plain = HeadersOnly.send(server.url(), "POST", run + "/records", LIMIT_BYTES + 1);
            ApiClient.Response inflated = api.send(HttpRequest.newBuilder(api.uri(run + "/records"))
                    .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(bomb)));

            assertThat(bomb.length).isLessThan((int) LIMIT_BYTES);
            assertThat(plain).startsWith("HTTP/1.1 413").contains("64 KiB", "--max-request-mb");
            assertThat(inflated.status()).isEqualTo(413);
            assertThat(inflated.errorMessage()).contains("after gunzip");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite"})
    void more_than_ten_thousand_records_answer_413(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String run = RunFixture.create(server, "alice", "mnist", "r1");
            String body = "{\"records\":[" + String.join(",", RecordIngestTest.historyRecords(10_001)) + "]}";

            ApiClient.Response response = api.post(run + "/records", body);

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.errorMessage()).contains("10000 records");
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
