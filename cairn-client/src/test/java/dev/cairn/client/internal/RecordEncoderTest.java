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
import java.util.Random;
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
    void in_json_nan_and_infinities_are_written_as_the_strings_the_format_prescribes() throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("a", Double.NaN);
        values.put("b", Double.POSITIVE_INFINITY);
        values.put("c", Float.NEGATIVE_INFINITY);
        PendingRecord record = PendingRecord.ofValues("history", values, PendingRecord.NO_STEP);

        JsonNode parsed = Json.mapper().readTree(encoder.encodeJson(record));

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

    @Test
    void metric_records_are_written_byte_for_byte_as_jackson_writes_them_and_read_back_bit_exact() throws IOException {
        Random random = new Random(42);
        for (int n = 0; n < 5_000; n++) {
            Map<String, Object> values = new LinkedHashMap<>();
            double[] doubles = new double[4];
            for (int i = 0; i < doubles.length; i++) {
                doubles[i] = interestingDouble(random);
                values.put("m/" + i, doubles[i]);
            }
            values.put("f", Float.intBitsToFloat(random.nextInt()));
            values.put("i", random.nextInt());
            values.put("l", random.nextLong());
            values.put("b", random.nextBoolean());
            values.put("s", asciiText(random));
            values.put(asciiText(random) + "k", null);
            PendingRecord record = PendingRecord.ofValues(random.nextBoolean() ? "history" : "system", values,
                    random.nextBoolean() ? PendingRecord.NO_STEP : random.nextLong() & Long.MAX_VALUE);
            record.seq = 1 + (random.nextLong() & Long.MAX_VALUE) % 1_000_000_000_000L;
            record.timeSeconds = 1.7e9 + random.nextDouble() * 1e8;

            byte[] direct = encoder.encodeJson(record);

            assertThat(new String(direct, StandardCharsets.UTF_8))
                    .isEqualTo(new String(encoder.encodeWithJackson(record), StandardCharsets.UTF_8));
            JsonNode parsed = Json.mapper().readTree(direct);
            for (int i = 0; i < doubles.length; i++) {
                assertThat(Double.doubleToRawLongBits(Json.metricValue(parsed.path("values").path("m/" + i))))
                        .as("m/%d = %s", i, doubles[i])
                        .isEqualTo(Double.doubleToRawLongBits(canonicalNaN(doubles[i])));
            }
            assertThat(parsed.path("time").doubleValue()).isEqualTo(record.timeSeconds);
        }
    }

    @Test
    void keys_with_quotes_backslashes_control_characters_or_non_ascii_text_survive_either_path() throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("a\"b\\c\n\t\r\b\f\u0001\u001f\u007f/", 1.5);
        values.put("gr\u00fc\u00dfe \u51c6\u786e\u7387 \ud83d\ude00", "caf\u00e9");
        PendingRecord record = PendingRecord.ofValues("history", values, PendingRecord.NO_STEP);

        JsonNode parsed = Json.mapper().readTree(encoder.encodeJson(record));

        assertThat(parsed.path("values").path("a\"b\\c\n\t\r\b\f\u0001\u001f\u007f/").doubleValue()).isEqualTo(1.5);
        assertThat(parsed.path("values").path("gr\u00fc\u00dfe \u51c6\u786e\u7387 \ud83d\ude00").asText()).isEqualTo("caf\u00e9");
        values.remove("gr\u00fc\u00dfe \u51c6\u786e\u7387 \ud83d\ude00");
        PendingRecord ascii = PendingRecord.ofValues("history", values, PendingRecord.NO_STEP);
        assertThat(encoder.encodeJson(ascii)).isEqualTo(encoder.encodeWithJackson(ascii));
    }

    /** Random bit patterns (so subnormals and every exponent), plus the values a writer most often gets wrong. */
    private static double interestingDouble(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> Double.NaN;
            case 1 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 2 -> random.nextBoolean() ? -0.0 : 0.0;
            case 3 -> Double.longBitsToDouble(random.nextLong() & 0x800F_FFFF_FFFF_FFFFL); // subnormal
            case 4 -> random.nextBoolean() ? Double.MIN_VALUE : Double.MAX_VALUE;
            case 5 -> random.nextInt(2_000_001) - 1_000_000; // whole numbers
            case 6 -> random.nextInt(100_000) * 1e-3 + random.nextInt(10); // what a training loop logs
            case 7 -> random.nextDouble();
            default -> {
                double d = Double.longBitsToDouble(random.nextLong());
                yield Double.isNaN(d) ? 1e-300 : d;
            }
        };
    }

    private static double canonicalNaN(double value) {
        return Double.isNaN(value) ? Double.NaN : value;
    }

    private static String asciiText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
            text.append((char) (1 + random.nextInt(127))); // NUL is refused in metric names
        }
        return text.toString();
    }
}
