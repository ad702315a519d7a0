package dev.cairn.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import dev.cairn.core.run.ResumeMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK as the README uses it, against a real server. */
class QuickStartTest {
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

    private InitOptions.Builder options() {
        return InitOptions.builder().baseUrl(server.url()).dir(dir).entity("alice").sampleIntervalMs(0);
    }

    @Test
    void the_readme_quick_start_records_config_history_summary_and_the_finished_state() {
        Run run;
        try (Run r = Cairn.init(options().project("mnist").config(Map.of("lr", 0.001)).build())) {
            run = r;
            for (int epoch = 0; epoch < 10; epoch++) {
                double loss = 1.0 / (epoch + 1);
                double acc = 0.5 + epoch * 0.05;
                r.log(Map.of("loss", loss, "acc", acc));
            }
            r.summary().put("best_acc", 0.97);
        }

        JsonNode stored = server.run(run);
        assertThat(stored.path("state").asText()).isEqualTo("finished");
        assertThat(stored.path("exit_code").asInt()).isZero();
        assertThat(stored.path("name").asText()).isEqualTo(run.name());
        assertThat(stored.path("config").path("lr").asDouble()).isEqualTo(0.001);
        assertThat(stored.path("summary").path("best_acc").asDouble()).isEqualTo(0.97);
        assertThat(stored.path("metadata").path("java").path("version").asText()).isNotEmpty();
        List<JsonNode> loss = server.history(run, "loss");
        assertThat(loss).extracting(p -> p.path("step").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(loss.get(9).path("value").asDouble()).isEqualTo(0.1);
        assertThat(run.url()).isEqualTo(server.url() + "/alice/mnist/runs/" + run.id());
    }

    @Test
    void nan_and_infinite_values_arrive_as_they_were_logged() {
        Run run = Cairn.init(options().project("nan").build());
        run.log(Map.of("loss", Double.NaN, "grad", Double.POSITIVE_INFINITY));
        run.log(Map.of("loss", 0.5, "grad", Double.NEGATIVE_INFINITY));
        run.finish();

        List<JsonNode> loss = server.history(run, "loss");
        assertThat(Json.metricValue(loss.get(0).path("value"))).isNaN();
        assertThat(loss.get(1).path("value").asDouble()).isEqualTo(0.5);
        List<JsonNode> grad = server.history(run, "grad");
        assertThat(Json.metricValue(grad.get(0).path("value"))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Json.metricValue(grad.get(1).path("value"))).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void finishing_with_exit_code_1_marks_the_run_failed() {
        Run run = Cairn.init(options().project("fails").build());
        run.log(Map.of("loss", 1.0));
        run.finish(1);

        JsonNode stored = server.run(run);
        assertThat(stored.path("state").asText()).isEqualTo("failed");
        assertThat(stored.path("exit_code").asInt()).isEqualTo(1);
    }

    @Test
    void config_changes_and_defined_metrics_reach_the_server() {
        Run run = Cairn.init(options().project("cfg").config(Map.of("lr", 0.1, "batch", 32)).build());
        run.config().put("lr", 0.05);
        run.config().remove("batch");
        run.defineMetric("acc", DefineMetric.builder().summary(DefineMetric.Aggregate.MAX, DefineMetric.Aggregate.MIN)
                .goal(DefineMetric.Goal.MAXIMIZE).build());
        run.log(Map.of("acc", 0.2));
        run.log(Map.of("acc", 0.9));
        run.log(Map.of("acc", 0.4));
        run.finish();

        JsonNode stored = server.run(run);
        assertThat(stored.path("config").path("lr").asDouble()).isEqualTo(0.05);
        assertThat(stored.path("config").has("batch")).isFalse();
        assertThat(stored.path("summary").path("acc").path("max").asDouble()).isEqualTo(0.9);
        assertThat(stored.path("summary").path("acc").path("min").asDouble()).isEqualTo(0.2);
    }

    @Test
    void a_run_the_server_refuses_fails_at_init_with_the_servers_reason() {
        Run first = Cairn.init(options().project("ids").id("taken01").build());
        first.finish();

        assertThatThrownBy(() -> Cairn.init(options().project("ids").id("taken01").build()))
                .isInstanceOf(CairnException.class).hasMessageContaining("409");
        assertThatThrownBy(() -> Cairn.init(options().project("ids").id("missing1").resume(ResumeMode.MUST).build()))
                .isInstanceOf(CairnException.class).hasMessageContaining("404");
    }

    @Test
    void resuming_a_run_continues_its_history_where_it_stopped() {
        Run first = Cairn.init(options().project("resume").id("again01").build());
        first.log(Map.of("loss", 3.0));
        first.log(Map.of("loss", 2.0));
        first.finish(1);

        Run second = Cairn.init(options().project("resume").id("again01").resume(ResumeMode.MUST)
                .dir(dir.resolve("other-machine")).build());
        second.log(Map.of("loss", 1.0));
        second.finish();

        JsonNode stored = server.run(second);
        assertThat(stored.path("state").asText()).isEqualTo("finished");
        assertThat(server.history(second, "loss")).extracting(p -> p.path("step").asLong() + "=" + p.path("value").asDouble())
                .containsExactly("0=3.0", "1=2.0", "2=1.0");
        assertThat(second.name()).isEqualTo(first.name());
    }
}
