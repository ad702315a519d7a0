package dev.cairn.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordEncoderTest {
    private final RecordEncoder encoder = new RecordEncoder();

    @Test
    void a_history_record_has_seq_first_then_type_time_step_and_values() throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("loss", 0.5);
        values.put("epoch", 3);
        values.put("ok", true);
        values.put("label", "cat");
        PendingRecord record = PendingRecord.ofValues("history", values, 7);
        record.seq = 12;
        record.timeSeconds = 1764072001.25;

        String json = new String(encoder.encode(record), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"seq\":12,\"type\":\"history\",\"time\":1.76407200125E9,\"step\":7,"
                + "\"values\":{\"loss\":0.5,\"epoch\":3,\"ok\":true,\"label\":\"cat\"}}");
    }

    @Test
    void nan_and_infinities_are_written_as_the_strings_the_format_prescribes() throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("a", Double.NaN);
        values.put("b", Double.POSITIVE_INFINITY);
        values.put("c", Float.NEGATIVE_INFINITY);
        PendingRecord record = PendingRecord.ofValues("history", values, PendingRecord.NO_STEP);

        JsonNode parsed = Json.mapper().readTree(encoder.encode(record));

        assertThat(parsed.path("values").path("a").asText()).isEqualTo("NaN");
        assertThat(parsed.path("values").path("b").asText()).isEqualTo("Infinity");
        assertThat(parsed.path("values").path("c").asText()).isEqualTo("-Infinity");
        assertThat(Json.metricValue(parsed.path("values").path("a"))).isNaN();
        assertThat(parsed.has("step")).isFalse();
    }

    @Test
    void objects_are_copied_when_logged_so_later_changes_do_not_leak_into_the_record() throws IOException {
        List<Integer> layers = new ArrayList<>(List.of(64, 32));
        PendingRecord record = PendingRecord.ofValues("config", Map.of("layers", layers), PendingRecord.NO_STEP);
        layers.add(16);

        JsonNode parsed = Json.mapper().readTree(encoder.encode(record));

        assertThat(parsed.path("values").path("layers").toString()).isEqualTo("[64,32]");
    }

    @Test
    void field_records_carry_their_fields_at_the_top_level() throws IOException {
        PendingRecord record = PendingRecord.ofFields("exit", Map.of("state", "failed", "exit_code", 1));
        JsonNode parsed = Json.mapper().readTree(encoder.encode(record));
        assertThat(parsed.path("type").asText()).isEqualTo("exit");
        assertThat(parsed.path("state").asText()).isEqualTo("failed");
        assertThat(parsed.path("exit_code").asInt()).isEqualTo(1);
    }
}
