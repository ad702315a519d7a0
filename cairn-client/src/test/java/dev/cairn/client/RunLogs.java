package dev.cairn.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.internal.TestRecords;
import java.nio.file.Path;
import java.util.List;

/** Reads a run's record log back, for tests. */
final class RunLogs {
    private RunLogs() {
    }

    static List<JsonNode> records(Run run) {
        return records(run.dir());
    }

    static List<JsonNode> records(Path runDir) {
        return TestRecords.readAll(runDir.resolve("records.log"));
    }

    static List<JsonNode> ofType(List<JsonNode> records, String type) {
        return records.stream().filter(r -> r.path("type").asText().equals(type)).toList();
    }
}
