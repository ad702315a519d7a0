package dev.cairn.server.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import dev.cairn.server.ApiClient;
import dev.cairn.server.CairnServer;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * Creates runs straight in the store (the runs routes belong to another package) and reads back the run columns
 * that ingestion changes.
 */
final class RunFixture {
    private RunFixture() {
    }

    static String create(CairnServer server, String entity, String project, String run) {
        server.services().database().inTransaction(c -> {
            long now = System.currentTimeMillis();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO projects (entity, name, created_at,"
                    + " updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (entity, name) DO NOTHING")) {
                insert.setString(1, entity);
                insert.setString(2, project);
                insert.setLong(3, now);
                insert.setLong(4, now);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO runs (project_id, run_id, name, state,"
                    + " created_at, updated_at, heartbeat_at) SELECT id, ?, ?, 'running', ?, ?, ? FROM projects"
                    + " WHERE entity = ? AND name = ?")) {
                insert.setString(1, run);
                insert.setString(2, "run-" + run);
                insert.setLong(3, now);
                insert.setLong(4, now);
                insert.setLong(5, now);
                insert.setString(6, entity);
                insert.setString(7, project);
                insert.executeUpdate();
            }
            return null;
        });
        return "/api/v1/runs/" + entity + "/" + project + "/" + run;
    }

    static String column(CairnServer server, String runPath, String column) {
        String runId = runPath.substring(runPath.lastIndexOf('/') + 1);
        return server.services().database().withHandle(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT " + column + " FROM runs WHERE run_id = ?")) {
                query.setString(1, runId);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getString(1);
                }
            }
        });
    }

    static JsonNode json(CairnServer server, String runPath, String column) {
        try {
            return Json.mapper().readTree(column(server, runPath, column));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The run's {@code run_fields} as field -> text. */
    static Map<String, String> fields(CairnServer server, String runPath) {
        String runId = runPath.substring(runPath.lastIndexOf('/') + 1);
        return server.services().database().withHandle(c -> {
            Map<String, String> fields = new TreeMap<>();
            try (PreparedStatement query = c.prepareStatement("SELECT f.field, f.txt FROM run_fields f"
                    + " JOIN runs r ON r.id = f.run_id WHERE r.run_id = ?")) {
                query.setString(1, runId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        fields.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
            return fields;
        });
    }

    /** Posts {@code {"records":[...]}} built from the given record objects. */
    static ApiClient.Response post(ApiClient api, String runPath, String... records) {
        return api.post(runPath + "/records", "{\"records\":[" + String.join(",", records) + "]}");
    }

    static String history(long seq, String valuesJson) {
        return "{\"seq\":" + seq + ",\"type\":\"history\",\"time\":" + (1764072000 + seq) + ",\"values\":" + valuesJson + "}";
    }

    static String history(long seq, long step, String valuesJson) {
        return "{\"seq\":" + seq + ",\"type\":\"history\",\"time\":" + (1764072000 + seq) + ",\"step\":" + step
                + ",\"values\":" + valuesJson + "}";
    }
}
