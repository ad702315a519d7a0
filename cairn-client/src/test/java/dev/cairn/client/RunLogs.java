package dev.cairn.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.internal.Frame;
import dev.cairn.client.internal.RecordLogReader;
import dev.cairn.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a run's record log back, for tests. */
final class RunLogs {
    private RunLogs() {
    }

    static List<JsonNode> records(Run run) {
        return records(run.dir());
    }

    static List<JsonNode> records(Path runDir) {
        List<JsonNode> records = new ArrayList<>();
        try (RecordLogReader reader = RecordLogReader.open(runDir.resolve("records.log"))) {
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

    static List<JsonNode> ofType(List<JsonNode> records, String type) {
        return records.stream().filter(r -> r.path("type").asText().equals(type)).toList();
    }
}
