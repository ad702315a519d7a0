package dev.cairn.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes and reads record logs for tests. */
final class TestRecords {
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

    /** Every record in the log at {@code file}, parsed. */
    static List<JsonNode> readAll(Path file) {
        List<JsonNode> records = new ArrayList<>();
        try (RecordLogReader reader = RecordLogReader.open(file)) {
            long position = RecordLogReader.FIRST_FRAME;
            Frame frame;
            while ((frame = reader.readAt(position)) != null) {
                records.add(Json.mapper().readTree(frame.payload()));
                position = frame.endPosition();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    static List<Long> seqs(List<JsonNode> records) {
        return records.stream().map(r -> r.get("seq").asLong()).toList();
    }
}
