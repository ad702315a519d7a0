package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.Cairn;
import dev.cairn.client.InitOptions;
import dev.cairn.client.Mode;
import dev.cairn.client.Run;
import dev.cairn.server.CairnServer;
import dev.cairn.server.ServerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncCommandTest {
    @TempDir
    Path workDir;

    @Test
    void sync_sends_offline_runs_under_a_folder_once() throws Exception {
        Path sdkDir = workDir.resolve("cairn");
        String first = offlineRun(sdkDir, 20);
        String second = offlineRun(sdkDir, 5);

        try (CairnServer server = CairnServer.start(ServerOptions.local(workDir.resolve("server")))) {
            Cli.Result sync = Cli.run("sync", sdkDir.toString(), "--base-url", server.url());

            assertThat(sync.exitCode()).as(sync.toString()).isZero();
            assertThat(sync.out()).contains("alice/offline/" + first + ": sent").contains("alice/offline/" + second + ": sent");
            ServerClient client = new ServerClient(server.url(), null);
            assertThat(client.getJson("/runs/alice/offline/" + first, Map.of()).path("state").asText()).isEqualTo("finished");
            assertThat(client.getJson("/runs/alice/offline/" + first + "/keys", Map.of()).path("keys").get(0).path("count").asInt())
                    .isEqualTo(20);

            Cli.Result again = Cli.run("sync", sdkDir.resolve("runs/alice/offline").resolve(first).toString(),
                    "--base-url", server.url());

            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.out()).contains("alice/offline/" + first + ": sent 0 records");
        }
    }

    @Test
    void sync_uploads_the_files_staged_in_a_run_folder_once() throws Exception {
        Path sdkDir = workDir.resolve("cairn");
        String id = offlineRun(sdkDir, 3);
        Path runDir = sdkDir.resolve("runs/alice/offline").resolve(id);
        Files.createDirectories(runDir.resolve("files/media/images"));
        Files.writeString(runDir.resolve("files/media/images/a b.png"), "not really a png");
        Files.writeString(runDir.resolve("files/model.pt"), "weights");

        try (CairnServer server = CairnServer.start(ServerOptions.local(workDir.resolve("server")))) {
            Cli.Result sync = Cli.run("sync", runDir.toString(), "--base-url", server.url());
            Cli.Result again = Cli.run("sync", runDir.toString(), "--base-url", server.url());

            assertThat(sync.out()).as(sync.toString()).contains(" records and 2 files (");
            assertThat(again.out()).as(again.toString()).contains(": sent 0 records (");
            ServerClient client = new ServerClient(server.url(), null);
            assertThat(client.getJson("/runs/alice/offline/" + id + "/files", Map.of()).path("files").findValuesAsText("path"))
                    .containsExactlyInAnyOrder("media/images/a b.png", "model.pt");
        }
    }

    @Test
    void sync_of_a_folder_without_runs_says_so() throws Exception {
        Files.createDirectories(workDir.resolve("empty"));

        Cli.Result result = Cli.run("sync", workDir.resolve("empty").toString(), "--base-url", "http://127.0.0.1:1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("no runs under").contains("records.log");
    }

    @Test
    void sync_without_a_server_says_how_to_start_one() throws Exception {
        Path sdkDir = workDir.resolve("cairn");
        offlineRun(sdkDir, 1);
        String url = "http://127.0.0.1:" + ServerProcess.freePort();

        Cli.Result result = Cli.run("sync", sdkDir.toString(), "--base-url", url);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("no Cairn server at " + url + " — start one with ./cairn server");
    }

    private static String offlineRun(Path sdkDir, int steps) {
        try (Run run = Cairn.init(InitOptions.builder().entity("alice").project("offline").dir(sdkDir)
                .mode(Mode.OFFLINE).sampleIntervalMs(0).build())) {
            for (int step = 0; step < steps; step++) {
                run.log(Map.of("loss", 1.0 / (step + 1)));
            }
            return run.id();
        }
    }
}
