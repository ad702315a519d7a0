package dev.cairn.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.record.MetricPayloadReader;
import dev.cairn.core.record.MetricPayloads;
import dev.cairn.core.record.RecordFrames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricPayloadEncoderTest {
    private static final Path VECTORS = Path.of("..", "clients", "python", "tests", "vectors");
    private final RecordEncoder encoder = new RecordEncoder();

    @Test
    void metric_records_are_written_byte_for_byte_as_the_shared_vectors_say() throws IOException {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("loss", 0.92);
        first.put("acc", 0.41);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("loss", Double.NaN);
        second.put("grad", Double.POSITIVE_INFINITY);
        second.put("neg", Float.NEGATIVE_INFINITY);
        second.put("ok", true);
        second.put("n", -3);
        second.put("\u00e9/\u65e5\u672c", 0.5);
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("cpu_percent", 12.5f);
        system.put("gpu.0.power_w", 250L);
        List<byte[]> written = List.of(
                encoder.encode(record("history", first, 0, 2, 1764072001.0)),
                encoder.encode(record("history", second, PendingRecord.NO_STEP, 3, 1764072001.123456)),
                encoder.encode(record("system", system, PendingRecord.NO_STEP, 4, 1764072002.5)));

        byte[] vector = Files.readAllBytes(VECTORS.resolve("metric_records.log"));
        RecordFrames.Decoded expected = RecordFrames.decode(vector, RecordFrames.FILE_HEADER.length);

        assertThat(expected.isClean()).isTrue();
        assertThat(written).hasSameSizeAs(expected.payloads());
        for (int i = 0; i < written.size(); i++) {
            assertThat(written.get(i)).as("payload %d", i).isEqualTo(expected.payloads().get(i));
        }
    }

    @Test
    void a_record_holding_text_is_written_as_json_and_nulls_are_left_out_of_binary_ones() throws IOException {
        Map<String, Object> labelled = new LinkedHashMap<>();
        labelled.put("loss", 0.5);
        labelled.put("label", "cat");
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("loss", 0.5);
        withNull.put("skipped", null);

        byte[] json = encoder.encode(record("history", labelled, 1, 1, 1.5));
        byte[] binary = encoder.encode(record("history", withNull, 1, 2, 1.5));

        assertThat(json[0]).isEqualTo((byte) '{');
        assertThat(TestRecords.parse(json).path("values").path("label").asText()).isEqualTo("cat");
        assertThat(MetricPayloads.isBinary(binary)).isTrue();
        MetricPayloadReader.Metrics read = new MetricPayloadReader().read(binary, 0, binary.length);
        assertThat(read.keys()).containsExactly("loss");
        assertThat(read.step()).isEqualTo(1);
    }

    @Test
    void values_come_back_bit_exact_and_keys_right_when_records_change_their_keys() {
        Random random = new Random(7);
        MetricPayloadReader reader = new MetricPayloadReader();
        String[] names = {"loss", "acc", "lr", "gr\u00fc\u00dfe", "\ud83d\ude00/x", "val/loss"};
        for (int n = 0; n < 3_000; n++) {
            Map<String, Object> values = new LinkedHashMap<>();
            List<Double> logged = new ArrayList<>();
            int size = 1 + random.nextInt(names.length);
            for (int i = 0; i < size; i++) {
                String name = names[random.nextInt(names.length)];
                if (!values.containsKey(name)) {
                    double value = Double.longBitsToDouble(random.nextLong());
                    values.put(name, value);
                    logged.add(value);
                }
            }
            long step = random.nextBoolean() ? PendingRecord.NO_STEP : random.nextInt(1_000_000);
            byte[] payload = encoder.encode(record("history", values, step, n + 1, 1.7e9 + n));

            MetricPayloadReader.Metrics read = reader.read(payload, 0, payload.length);

            assertThat(read.seq()).isEqualTo(n + 1);
            assertThat(read.step()).isEqualTo(step == PendingRecord.NO_STEP ? MetricPayloads.NO_STEP : step);
            assertThat(read.keys()).containsExactlyElementsOf(values.keySet());
            for (int i = 0; i < logged.size(); i++) {
                assertThat(Double.doubleToRawLongBits(read.values()[i]))
                        .isEqualTo(Double.doubleToRawLongBits(logged.get(i)));
            }
        }
    }

    private static PendingRecord record(String type, Map<String, Object> values, long step, long seq, double time) {
        PendingRecord record = PendingRecord.ofValues(type, values, step);
        record.seq = seq;
        record.timeSeconds = time;
        return record;
    }
}
