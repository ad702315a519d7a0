package dev.cairn.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.artifact.Artifact;
import dev.cairn.client.artifact.ArtifactVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Artifacts from the Java SDK against a real server: log, use from another run, download. */
class ArtifactSdkTest {
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

    private Run start(String id) {
        return Cairn.init(InitOptions.builder().baseUrl(server.url()).dir(dir).entity("alice").project("mnist").id(id)
                .sampleIntervalMs(0).build());
    }

    @Test
    void a_logged_model_is_used_by_another_run_and_downloads_with_the_same_bytes() throws Exception {
        byte[] weights = new byte[100_000];
        new java.util.Random(7).nextBytes(weights);
        Path model = Files.write(dir.resolve("model.pt"), weights);
        Path plots = Files.createDirectories(dir.resolve("plots/epoch1"));
        Files.writeString(plots.resolve("loss.svg"), "<svg/>");
        Artifact artifact = Artifact.builder("cnn", "model").file(model).dir(dir.resolve("plots"), "plots")
                .metadata(Map.of("val_acc", 0.97)).build();

        ArtifactVersion logged;
        ArtifactVersion again;
        try (Run trainer = start("trainer")) {
            logged = trainer.logArtifact(artifact, "best");
            again = trainer.logArtifact(artifact);
        }
        ArtifactVersion used;
        Path root;
        try (Run evaluator = start("evaluator")) {
            used = evaluator.useArtifact("cnn:best");
            root = used.download(dir.resolve("download"));
        }

        assertThat(logged.version()).isEqualTo("v0");
        assertThat(logged.aliases()).containsExactly("best", "latest");
        assertThat(again.version()).as("the same files are the same version").isEqualTo("v0");
        assertThat(used.metadata()).containsEntry("val_acc", 0.97);
        assertThat(used.createdBy()).isEqualTo("alice/mnist/trainer");
        assertThat(used.files()).extracting(ArtifactVersion.File::path).containsExactly("model.pt", "plots/epoch1/loss.svg");
        assertThat(Files.readAllBytes(root.resolve("model.pt"))).isEqualTo(weights);
        assertThat(Files.readString(root.resolve("plots/epoch1/loss.svg"), StandardCharsets.UTF_8)).isEqualTo("<svg/>");
        assertThat(server.get("/api/v1/artifacts/alice/mnist/cnn:v0").path("used_by").toString())
                .isEqualTo("[\"alice/mnist/evaluator\"]");
    }

    @Test
    void a_path_leaving_the_artifact_or_an_unknown_version_is_refused() throws Exception {
        Path file = Files.writeString(dir.resolve("x.txt"), "x");
        assertThatThrownBy(() -> Artifact.builder("cnn", "model").file(file, "../x.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("../x.txt");
        try (Run run = start("r1")) {
            assertThatThrownBy(() -> run.useArtifact("nothing:v0")).isInstanceOf(CairnException.class)
                    .hasMessageContaining("nothing");
        }
    }
}
