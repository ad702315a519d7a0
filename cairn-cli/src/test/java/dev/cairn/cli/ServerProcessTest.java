package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.server.CairnServer;
import dev.cairn.server.ServerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProcessTest {
    @TempDir
    Path dataDir;

    @Test
    void server_process_answers_health_and_says_where_it_runs_and_stores() throws Exception {
        // How fast it gets there is a benchmark figure (./cairn bench startup), never a timed test.
        try (ServerProcess server = ServerProcess.start(dataDir, ServerProcess.freePort())) {
            server.awaitHealthy(Duration.ofSeconds(60));

            assertThat(server.output()).contains("Cairn is running at " + server.url()
                    + " (store: SQLite " + dataDir.resolve("cairn.db") + ")");
        }
    }

    @Test
    void sigterm_stops_the_server_cleanly_and_the_data_folder_opens_again() throws Exception {
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(dataDir, port)) {
            server.awaitHealthy(Duration.ofSeconds(60));

            server.process.destroy();

            assertThat(server.process.waitFor(15, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            assertThat(server.output()).contains("Cairn stopped.").doesNotContain("Exception");
        }
        try (ServerProcess again = ServerProcess.start(dataDir, port)) {
            again.awaitHealthy(Duration.ofSeconds(60));
        }
    }

    @Test
    void a_port_in_use_is_explained_and_exits_1() {
        try (CairnServer other = CairnServer.start(ServerOptions.local(dataDir.resolve("other")))) {
            Cli.Result result = Cli.run("server", "--port", Integer.toString(other.port()), "--data", dataDir.toString());

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.err()).contains("port " + other.port() + " on 127.0.0.1 is already in use").contains("--port");
        }
    }
}
