package dev.cairn.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.run.ResumeMode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that someone else created (as a sweep's controller does) and the program resumes. */
class SweepRunTest {
    @TempDir
    Path serverDir;
    @TempDir
    Path dir;
    private LiveServer server;

    @BeforeEach
    void startServer() {
        server = LiveServer.start(serverDir, 0);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void a_resumed_run_reads_its_config_as_the_server_answered_it() {
        assertThat(server.post("/api/v1/runs/alice/mnist", "{\"id\":\"trial-1\",\"config\":{\"lr\":0.5,\"layers\":3}}"))
                .isEqualTo(201);

        try (Run run = Cairn.init(InitOptions.builder().baseUrl(server.url()).dir(dir).entity("alice").project("mnist")
                .id("trial-1").resume(ResumeMode.ALLOW).sampleIntervalMs(0).config(Map.of("epochs", 3)).build())) {
            assertThat(run.config()).containsEntry("lr", 0.5).containsEntry("layers", 3).containsEntry("epochs", 3);
            assertThat(run.isStopRequested()).isFalse();
        }
        JsonNode stored = server.get("/api/v1/runs/alice/mnist/trial-1");
        assertThat(stored.path("state").asText()).isEqualTo("finished");
    }
}
