package dev.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthTest {
    @TempDir
    Path dataDir;

    @Test
    void health_answers_ok_on_a_fresh_data_folder() {
        try (CairnServer server = TestServers.sqlite(dataDir)) {
            ApiClient.Response response = new ApiClient(server.url()).get("/api/v1/health");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("status").asText()).isEqualTo("ok");
            assertThat(dataDir.resolve("cairn.db")).exists();
        }
    }

    @Test
    void unknown_routes_answer_a_json_error_naming_the_route() {
        try (CairnServer server = TestServers.sqlite(dataDir)) {
            ApiClient.Response response = new ApiClient(server.url()).get("/api/v1/nope");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.errorCode()).isEqualTo("not_found");
            assertThat(response.errorMessage()).contains("/api/v1/nope");
        }
    }

    @Test
    void a_second_start_on_the_same_folder_keeps_the_schema() {
        try (CairnServer first = TestServers.sqlite(dataDir)) {
            assertThat(first.port()).isPositive();
        }
        try (CairnServer second = TestServers.sqlite(dataDir)) {
            assertThat(new ApiClient(second.url()).get("/api/v1/health").status()).isEqualTo(200);
        }
    }

    @Test
    void health_answers_ok_on_postgresql() {
        try (CairnServer server = TestServers.postgres(dataDir)) {
            ApiClient.Response response = new ApiClient(server.url()).get("/api/v1/health");

            assertThat(response.json().path("store").asText()).isEqualTo("postgresql");
        }
    }
}
