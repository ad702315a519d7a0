package dev.cairn.server.metrics.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.json.Json;
import dev.cairn.server.run.RunFields;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The run's JSON documents that records change: config, user-set summary keys, metric definitions and metadata.
 * Each is parsed only when a record of the batch touches it and written back once.
 */
final class RunDocuments {
    private final RunRow row;
    private ObjectNode config;
    private ObjectNode userSummary;
    private ObjectNode metricDefs;
    private ObjectNode metadata;

    RunDocuments(RunRow row) {
        this.row = row;
    }

    /** Top-level merge of a config, summary or metadata record; a null value removes the key. */
    void merge(Record.Document record) {
        ObjectNode target = switch (record.type()) {
            case "config" -> config = config != null ? config : parse(row.config);
            case "summary" -> userSummary = userSummary != null ? userSummary : parse(row.userSummary);
            default -> metadata = metadata != null ? metadata : parse(row.metadata);
        };
        for (Map.Entry<String, JsonNode> field : record.values().properties()) {
            if (field.getValue().isNull()) {
                target.remove(field.getKey());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    void define(Record.DefineMetric record) {
        metricDefs = metricDefs != null ? metricDefs : parse(row.metricDefs);
        ObjectNode definition = Json.mapper().createObjectNode();
        if (record.summary() != null) {
            record.summary().forEach(definition.putArray("summary")::add);
        }
        if (record.goal() != null) {
            definition.put("goal", record.goal());
        }
        if (record.stepMetric() != null) {
            definition.put("step_metric", record.stepMetric());
        }
        metricDefs.set(record.name(), definition);
    }

    /** Whether the summary must be recomputed because its user keys or metric definitions changed. */
    boolean changesSummary() {
        return userSummary != null || metricDefs != null;
    }

    void write(Connection c, long runPk) throws SQLException {
        if (config != null && row.sweepParams != null) {
            // a script's config never overrides what the sweep chose (docs/api.md, Sweeps)
            parse(row.sweepParams).properties().forEach(param -> config.set(param.getKey(), param.getValue()));
        }
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        add(columns, values, "config", config);
        add(columns, values, "user_summary", userSummary);
        add(columns, values, "metric_defs", metricDefs);
        add(columns, values, "metadata", metadata);
        if (columns.isEmpty()) {
            return;
        }
        String sets = String.join(" = ?, ", columns) + " = ?";
        try (PreparedStatement update = c.prepareStatement("UPDATE runs SET " + sets + " WHERE id = ?")) {
            for (int i = 0; i < values.size(); i++) {
                update.setString(i + 1, values.get(i));
            }
            update.setLong(values.size() + 1, runPk);
            update.executeUpdate();
        }
        if (config != null) {
            RunFields.replace(c, runPk, "config", config);
        }
    }

    private static void add(List<String> columns, List<String> values, String column, ObjectNode document) {
        if (document != null) {
            columns.add(column);
            try {
                // the shared mapper writes NaN and infinities as strings; ObjectNode.toString would not
                values.add(Json.mapper().writeValueAsString(document));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise run " + column, e);
            }
        }
    }

    private static ObjectNode parse(String json) {
        try {
            JsonNode node = Json.mapper().readTree(json == null || json.isBlank() ? "{}" : json);
            return node instanceof ObjectNode object ? object : Json.mapper().createObjectNode();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored run document is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
