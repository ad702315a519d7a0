package dev.cairn.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records survive a server that is down, restarts, or is never reached: nothing lost, nothing twice. */
class ResilienceTest {
    @TempDir
    Path serverDir;
    @TempDir
    Path dir;

    private InitOptions.Builder options(String baseUrl) {
        return InitOptions.builder().baseUrl(baseUrl).dir(dir).entity("alice").project("resilience")
                .sampleIntervalMs(0);
    }

    @Test
    void points_logged_while_the_server_is_down_arrive_once_it_starts() {
        int port = LiveServer.freePort();
        Run run = Cairn.init(options("http://127.0.0.1:" + port).build());
        for (int step = 0; step < 500; step++) {
            run.log(Map.of("x", (double) step));
        }

        try (LiveServer server = LiveServer.start(serverDir, port)) {
            run.finish();

            assertThat(steps(server.history(run, "x"))).containsExactlyElementsOf(range(0, 500));
            JsonNode stored = server.run(run);
            assertThat(stored.path("state").asText()).isEqualTo("finished");
            assertThat(stored.path("name").asText()).isEqualTo(run.name());
        }
    }

    @Test
    void a_server_restart_mid_run_loses_nothing_and_stores_nothing_twice() {
        LiveServer first = LiveServer.start(serverDir, 0);
        int port = first.port();
        Run run = Cairn.init(options(first.url()).build());
        for (int step = 0; step < 300; step++) {
            run.log(Map.of("x", (double) step));
        }
        first.close();
        for (int step = 300; step < 600; step++) {
            run.log(Map.of("x", (double) step));
        }

        try (LiveServer second = LiveServer.start(serverDir, port)) {
            for (int step = 600; step < 900; step++) {
                run.log(Map.of("x", (double) step));
            }
            run.finish();

            assertThat(steps(second.history(run, "x"))).containsExactlyElementsOf(range(0, 900));
            assertThat(second.run(run).path("state").asText()).isEqualTo("finished");
        }
    }

    @Test
    void an_offline_run_synced_later_has_its_complete_history_and_a_second_sync_sends_nothing() {
        Run run = Cairn.init(options("http://unused.invalid").mode(Mode.OFFLINE).config(Map.of("lr", 0.01)).build());
        for (int step = 0; step < 2_000; step++) {
            run.log(Map.of("x", (double) step, "y", step * 2.0));
        }
        run.summary().put("best", 42);
        run.finish();

        try (LiveServer server = LiveServer.start(serverDir, 0)) {
            SyncResult result = Cairn.sync(run.dir(), server.url(), null);
            SyncResult again = Cairn.sync(run.dir(), server.url(), null);

            assertThat(result.run()).isEqualTo("alice/resilience/" + run.id());
            assertThat(result.recordsSent()).isEqualTo(2_000 + 3); // metadata, history, summary, exit
            assertThat(again.recordsSent()).isZero();
            assertThat(again.lastSeq()).isEqualTo(result.lastSeq());
            assertThat(steps(server.history(run, "x"))).containsExactlyElementsOf(range(0, 2_000));
            JsonNode stored = server.run(run);
            assertThat(stored.path("state").asText()).isEqualTo("finished");
            assertThat(stored.path("name").asText()).isEqualTo(run.name());
            assertThat(stored.path("config").path("lr").asDouble()).isEqualTo(0.01);
            assertThat(stored.path("summary").path("best").asInt()).isEqualTo(42);
        }
    }

    @Test
    void a_run_that_finishes_while_the_server_is_down_says_how_to_sync_and_sync_completes_it() {
        java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
        java.io.PrintStream originalErr = System.err;
        LiveServer first = LiveServer.start(serverDir, 0);
        int port = first.port();
        System.setErr(new java.io.PrintStream(stderr, true));
        Run run;
        try {
            run = Cairn.init(options(first.url()).finishTimeoutMs(300).build());
            run.log(Map.of("x", 0.0));
            first.close();
            run.log(Map.of("x", 1.0));
            run.finish(1);
        } finally {
            System.setErr(originalErr);
        }
        assertThat(stderr.toString()).contains("./cairn sync " + run.dir().toAbsolutePath());

        try (LiveServer second = LiveServer.start(serverDir, port)) {
            SyncResult result = Cairn.sync(run.dir(), second.url(), null);

            assertThat(result.lastSeq()).isEqualTo(RunLogs.records(run).size());
            assertThat(steps(second.history(run, "x"))).containsExactly(0L, 1L);
            assertThat(second.run(run).path("state").asText()).isEqualTo("failed");
        }
    }

    @Test
    void syncing_to_no_server_fails_with_what_to_do() {
        Run run = Cairn.init(options("http://unused.invalid").mode(Mode.OFFLINE).build());
        run.finish();

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Cairn.sync(run.dir(), "http://127.0.0.1:" + LiveServer.freePort(), null))
                .isInstanceOf(CairnException.class).hasMessageContaining("./cairn server");
    }

    private static List<Long> steps(List<JsonNode> points) {
        return points.stream().map(p -> p.path("step").asLong()).toList();
    }

    private static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }
}
