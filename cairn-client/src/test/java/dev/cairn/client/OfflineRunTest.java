package dev.cairn.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import dev.cairn.core.record.RecordFrames;
import dev.cairn.core.run.ResumeMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK without a server: what an offline run leaves on disk for {@code cairn sync}. */
class OfflineRunTest {
    @TempDir
    Path dir;

    private InitOptions.Builder offline() {
        return InitOptions.builder().mode(Mode.OFFLINE).dir(dir).entity("alice").project("mnist").sampleIntervalMs(0);
    }

    @Test
    void an_offline_run_writes_every_record_in_seq_order_and_ends_with_its_exit() {
        Run run = Cairn.init(offline().config(Map.of("lr", 0.001)).tags("baseline").build());
        run.defineMetric("acc", DefineMetric.builder().summary(DefineMetric.Aggregate.MAX).goal(DefineMetric.Goal.MAXIMIZE)
                .build());
        for (int step = 0; step < 100; step++) {
            run.log(Map.of("loss", 1.0 / (step + 1), "acc", step / 100.0));
        }
        run.log(Map.of("loss", Double.NaN), 500);
        run.config().put("batch", 64);
        run.summary().put("best_acc", 0.99);
        run.finish(1);

        List<JsonNode> records = RunLogs.records(run);
        assertThat(records).extracting(r -> r.get("seq").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 106).boxed().toList());
        assertThat(records.get(0).path("type").asText()).isEqualTo("metadata");
        assertThat(records.get(1).path("summary").toString()).isEqualTo("[\"max\"]");
        assertThat(RunLogs.ofType(records, "history")).hasSize(101);
        JsonNode nan = records.get(102);
        assertThat(nan.path("step").asLong()).isEqualTo(500);
        assertThat(Json.metricValue(nan.path("values").path("loss"))).isNaN();
        assertThat(records.get(103).path("values").path("batch").asInt()).isEqualTo(64);
        assertThat(records.get(104).path("type").asText()).isEqualTo("summary");
        JsonNode exit = records.get(105);
        assertThat(exit.path("state").asText()).isEqualTo("failed");
        assertThat(exit.path("exit_code").asInt()).isEqualTo(1);
        assertThat(run.isOffline()).isTrue();
        assertThat(run.url()).isNull();
        assertThat(run.dir()).isEqualTo(dir.resolve("runs/alice/mnist/" + run.id()));
    }

    @Test
    void a_metric_name_the_server_would_refuse_is_refused_by_log_and_the_log_stays_shippable() {
        Run run = Cairn.init(offline().build());
        run.log(Map.of("loss", 0.5));
        for (String bad : List.of("", "x".repeat(513), "a\0b")) {
            assertThatThrownBy(() -> run.log(Map.of(bad, 1.0)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("metric names must be 1-512 characters without NUL");
        }
        run.log(Map.of("loss", 0.4));
        run.finish();

        assertThat(RunLogs.ofType(RunLogs.records(run), "history"))
                .extracting(r -> r.path("values").path("loss").asDouble()).containsExactly(0.5, 0.4);
    }

    @Test
    void run_json_holds_what_sync_needs_to_create_the_run() throws IOException {
        Run run = Cairn.init(offline().name("first-try").group("g1").jobType("train").notes("n")
                .config(Map.of("lr", 0.1)).build());
        run.finish();

        JsonNode runJson = Json.mapper().readTree(run.dir().resolve("run.json").toFile());
        assertThat(runJson.path("id").asText()).isEqualTo(run.id());
        assertThat(runJson.path("name").asText()).isEqualTo("first-try");
        assertThat(runJson.path("group").asText()).isEqualTo("g1");
        assertThat(runJson.path("job_type").asText()).isEqualTo("train");
        assertThat(runJson.path("config").path("lr").asDouble()).isEqualTo(0.1);
        assertThat(runJson.path("resume").asText()).isEqualTo("never");
    }

    @Test
    void the_metadata_record_describes_the_machine_and_the_program() {
        Run run = Cairn.init(offline().build());
        run.finish();

        JsonNode metadata = RunLogs.records(run).get(0).path("values");
        assertThat(metadata.path("os").path("name").asText()).isNotEmpty();
        assertThat(metadata.path("java").path("version").asText()).isEqualTo(System.getProperty("java.version"));
        assertThat(metadata.path("cpu_count").asInt()).isPositive();
        assertThat(metadata.path("host").asText()).isNotEmpty();
        assertThat(metadata.path("dependencies").toString()).contains("jackson-databind");
    }

    @Test
    void a_resumed_offline_run_continues_its_log_after_a_torn_tail() throws IOException {
        Run first = Cairn.init(offline().id("resume01").build());
        first.log(Map.of("x", 1));
        first.finish(); // seq 1 metadata, 2 history, 3 exit
        Path log = first.dir().resolve("records.log");
        byte[] torn = Arrays.copyOf(RecordFrames.encode("{\"seq\":4,\"type\":\"history\"}".getBytes()), 12);
        Files.write(log, torn, StandardOpenOption.APPEND);

        Run second = Cairn.init(offline().id("resume01").resume(ResumeMode.ALLOW).build());
        second.log(Map.of("x", 2));
        second.finish();

        List<JsonNode> records = RunLogs.records(second);
        assertThat(records).extracting(r -> r.get("seq").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(RunLogs.ofType(records, "history")).extracting(r -> r.path("values").path("x").asInt())
                .containsExactly(1, 2);
    }

    @Test
    void a_disabled_run_accepts_every_call_and_writes_nothing() throws IOException {
        Run run = Cairn.init(offline().mode(Mode.DISABLED).config(Map.of("lr", 0.1)).build());
        run.log(Map.of("loss", 0.5));
        run.config().put("batch", 64);
        run.summary().put("best", 1);
        run.finish();

        assertThat(run.config()).containsEntry("lr", 0.1).containsEntry("batch", 64);
        assertThat(run.dir()).isNull();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void console_capture_turns_printed_lines_into_console_records_and_restores_the_streams() {
        java.io.PrintStream before = System.out;
        Run run = Cairn.init(offline().captureConsole(true).build());
        System.out.println("hello from training");
        System.out.print("50%\r100%\n");
        run.finish();

        assertThat(System.out).isSameAs(before);
        List<JsonNode> console = RunLogs.ofType(RunLogs.records(run), "console");
        assertThat(console).extracting(r -> r.path("line").asInt() + ":" + r.path("text").asText())
                .containsExactly("0:hello from training", "1:50%", "1:100%");
        assertThat(console.get(0).path("stream").asText()).isEqualTo("stdout");
    }

    @Test
    void logging_after_finish_is_dropped_with_a_warning_instead_of_failing_the_program() {
        Run run = Cairn.init(offline().build());
        run.finish();
        run.log(Map.of("late", 1));
        run.finish();

        assertThat(RunLogs.ofType(RunLogs.records(run), "history")).isEmpty();
    }
}
