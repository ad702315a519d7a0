package dev.cairn.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.server.ApiClient;
import dev.cairn.server.CairnServer;
import dev.cairn.server.TestServers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiveEventsTest {
    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_watching_browser_hears_a_run_start_log_points_and_console_lines_and_finish(String store) throws Exception {
        try (CairnServer server = TestServers.start(store, dataDir);
             EventStreamClient events = new EventStreamClient(server.url() + "/api/v1/events/alice/mnist")) {
            ApiClient api = new ApiClient(server.url());
            assertThat(events.status()).isEqualTo(200);
            assertThat(events.contentType()).startsWith("text/event-stream");
            assertThat(events.next().type()).isEqualTo("ready");

            api.post("/api/v1/runs/alice/mnist", "{\"id\":\"r1\",\"name\":\"streaming\"}");
            EventStreamClient.Event created = events.next();
            assertThat(created.type()).isEqualTo("run");
            assertThat(created.data().path("name").asText()).isEqualTo("streaming");
            assertThat(created.data().path("state").asText()).isEqualTo("running");

            api.post("/api/v1/runs/alice/mnist/r1/records", "{\"records\":["
                    + "{\"seq\":1,\"time\":1764072000,\"type\":\"history\",\"step\":0,\"values\":{\"loss\":1.0}},"
                    + "{\"seq\":2,\"time\":1764072001,\"type\":\"history\",\"step\":5,\"values\":{\"loss\":0.5,\"acc\":0.7}},"
                    + "{\"seq\":3,\"time\":1764072002,\"type\":\"system\",\"values\":{\"cpu.percent\":40}},"
                    + "{\"seq\":4,\"time\":1764072003,\"type\":\"console\",\"stream\":\"stdout\",\"line\":0,\"text\":\"epoch 1\"}]}");
            EventStreamClient.Event history = events.next(e -> e.type().equals("history")
                    && e.data().path("namespace").asText().equals("history"));
            assertThat(history.data().path("run").asText()).isEqualTo("r1");
            assertThat(history.data().path("keys").path("loss").asLong()).isEqualTo(5);
            assertThat(history.data().path("keys").path("acc").asLong()).isEqualTo(5);
            EventStreamClient.Event system = events.next();
            assertThat(system.data().path("namespace").asText()).isEqualTo("system");
            assertThat(system.data().path("keys").path("cpu.percent").asDouble()).isEqualTo(1764072002.0);
            EventStreamClient.Event console = events.next();
            assertThat(console.type()).isEqualTo("console");
            assertThat(console.data().path("lines").get(0).path("text").asText()).isEqualTo("epoch 1");
            EventStreamClient.Event afterBatch = events.next();
            assertThat(afterBatch.type()).isEqualTo("run");
            assertThat(afterBatch.data().path("last_seq").asLong()).isEqualTo(4);
            assertThat(afterBatch.data().path("summary").path("loss").asDouble()).isEqualTo(0.5);

            api.post("/api/v1/runs/alice/mnist/r1/records",
                    "{\"records\":[{\"seq\":5,\"time\":1764072004,\"type\":\"exit\",\"state\":\"finished\",\"exit_code\":0}]}");
            assertThat(events.next(e -> e.type().equals("run")).data().path("state").asText()).isEqualTo("finished");

            api.patch("/api/v1/runs/alice/mnist/r1", "{\"tags\":[\"best\"]}");
            assertThat(events.next().data().path("tags").get(0).asText()).isEqualTo("best");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_browser_hears_only_the_project_it_watches(String store) throws Exception {
        try (CairnServer server = TestServers.start(store, dataDir);
             EventStreamClient events = new EventStreamClient(server.url() + "/api/v1/events/alice/cifar")) {
            ApiClient api = new ApiClient(server.url());
            assertThat(events.next().type()).isEqualTo("ready");

            api.post("/api/v1/runs/alice/mnist", "{\"id\":\"elsewhere\"}");
            api.post("/api/v1/runs/bob/cifar", "{\"id\":\"elsewhere\"}");
            api.post("/api/v1/runs/alice/cifar", "{\"id\":\"here\"}");

            assertThat(events.next().data().path("id").asText()).isEqualTo("here");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_run_marked_crashed_and_revived_by_a_heartbeat_is_announced_both_times(String store) throws Exception {
        try (CairnServer server = TestServers.start(store, dataDir);
             EventStreamClient events = new EventStreamClient(server.url() + "/api/v1/events/alice/mnist")) {
            ApiClient api = new ApiClient(server.url());
            assertThat(events.next().type()).isEqualTo("ready");
            api.post("/api/v1/runs/alice/mnist", "{\"id\":\"silent\"}");
            assertThat(events.next().data().path("state").asText()).isEqualTo("running");

            server.services().runs().reaper().runOnce(Instant.now().plus(Duration.ofDays(1)));
            assertThat(events.next().data().path("state").asText()).isEqualTo("crashed");

            api.post("/api/v1/runs/alice/mnist/silent/heartbeat", "{}");
            assertThat(events.next().data().path("state").asText()).isEqualTo("running");
            api.post("/api/v1/runs/alice/mnist/silent/heartbeat", "{}"); // nothing new: no event
            api.delete("/api/v1/runs/alice/mnist/silent");
            assertThat(events.next().data().path("deleted").asBoolean()).isTrue();
        }
    }

    @Test
    void a_stopping_server_ends_the_open_streams_at_once() throws Exception {
        CairnServer server = TestServers.sqlite(dataDir);
        try (EventStreamClient events = new EventStreamClient(server.url() + "/api/v1/events/alice/mnist")) {
            assertThat(events.next().type()).isEqualTo("ready");

            server.close();

            assertThat(events.endsWithin10s()).isTrue();
        }
    }

    @Test
    void an_invalid_project_name_answers_400_naming_it() {
        try (CairnServer server = TestServers.sqlite(dataDir)) {
            ApiClient.Response response = new ApiClient(server.url()).get("/api/v1/events/alice/bad%20name");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.errorMessage()).contains("project");
        }
    }
}
