package dev.cairn.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.json.Json;
import dev.cairn.core.record.MetricPayloadReader;
import dev.cairn.core.record.MetricPayloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes and reads record logs for tests. */
public final class TestRecords {
    private TestRecords() {
    }

    /** A history record with seq {@code seq} and {"x": seq}. */
    static PendingRecord history(long seq) {
        PendingRecord record = PendingRecord.ofValues("history", Map.of("x", (double) seq), PendingRecord.NO_STEP);
        record.seq = seq;
        record.timeSeconds = 1_764_072_000 + seq;
        return record;
    }

    /** Appends history records {@code from..to} (inclusive) and flushes. */
    static void append(RecordLog log, long from, long to) throws IOException {
        RecordEncoder encoder = new RecordEncoder();
        for (long seq = from; seq <= to; seq++) {
            log.append(encoder.encode(history(seq)));
        }
        log.flush();
    }

    /** Every record in the log at {@code file}, parsed; binary metric records as the JSON they stand for. */
    public static List<JsonNode> readAll(Path file) {
        List<JsonNode> records = new ArrayList<>();
        try (RecordLogReader reader = RecordLogReader.open(file)) {
            long position = RecordLogReader.FIRST_FRAME;
            Frame frame;
            while ((frame = reader.readAt(position)) != null) {
                records.add(parse(frame.payload()));
                position = frame.endPosition();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    /** A payload as JSON: binary metric records as {"seq","type","time","step"?,"values"}, NaN and infinities as strings. */
    public static JsonNode parse(byte[] payload) throws IOException {
        if (!MetricPayloads.isBinary(payload)) {
            return Json.mapper().readTree(payload);
        }
        MetricPayloadReader.Metrics metrics = new MetricPayloadReader().read(payload, 0, payload.length);
        ObjectNode record = Json.mapper().createObjectNode();
        record.put("seq", metrics.seq());
        record.put("type", metrics.isHistory() ? "history" : "system");
        record.put("time", metrics.time());
        if (metrics.step() != MetricPayloads.NO_STEP) {
            record.put("step", metrics.step());
        }
        ObjectNode values = record.putObject("values");
        for (int i = 0; i < metrics.keys().length; i++) {
            double value = metrics.values()[i];
            if (Double.isFinite(value)) {
                values.put(metrics.keys()[i], value);
            } else {
                values.put(metrics.keys()[i], Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
            }
        }
        return record;
    }

    static List<Long> seqs(List<JsonNode> records) {
        return records.stream().map(r -> r.get("seq").asLong()).toList();
    }
}
