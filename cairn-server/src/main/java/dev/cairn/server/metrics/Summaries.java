package dev.cairn.server.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.json.Json;
import dev.cairn.server.metrics.store.SeriesName;
import dev.cairn.server.metrics.store.SeriesState;
import dev.cairn.server.metrics.store.SeriesTable;
import dev.cairn.server.run.RunFields;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Recomputes a run's merged summary ({@code runs.summary} and the {@code summary.*} run fields) from its
 * metric series, its metric definitions and its user-set summary keys. Call it in the transaction that
 * changed any of them, once per change rather than once per record: it reads every history series of the run.
 *
 * <p>Per history key: its last value by arrival (a string or object when that was logged last), or, for a key
 * defined with {@code summary: [...]}, an object of those aggregates: min, max and mean over the finite values
 * (null when none was finite), first and last as logged. User keys win over computed ones.
 */
public final class Summaries {
    private Summaries() {
    }

    public static void refresh(Connection connection, long runPk) throws SQLException {
        String[] documents = documents(connection, runPk);
        ObjectNode definitions = parse(documents[0]);
        ObjectNode merged = Json.mapper().createObjectNode();
        for (SeriesState series : SeriesTable.load(connection, runPk, SeriesName.HISTORY).values()) {
            JsonNode value = summarize(series, definitions.path(series.name().key()).path("summary"));
            if (value != null) {
                merged.set(series.name().key(), value);
            }
        }
        merged.setAll(parse(documents[1]));
        try (PreparedStatement update = connection.prepareStatement("UPDATE runs SET summary = ? WHERE id = ?")) {
            update.setString(1, write(merged));
            update.setLong(2, runPk);
            update.executeUpdate();
        }
        RunFields.replace(connection, runPk, "summary", merged);
    }

    private static JsonNode summarize(SeriesState series, JsonNode aggregates) {
        JsonNode last = last(series);
        if (!aggregates.isArray() || series.pointCount() == 0) {
            return last;
        }
        ObjectNode summary = Json.mapper().createObjectNode();
        for (JsonNode aggregate : aggregates) {
            switch (aggregate.asText()) {
                case "min" -> summary.set("min", number(series.min()));
                case "max" -> summary.set("max", number(series.max()));
                case "mean" -> summary.set("mean", series.finiteCount() == 0 ? null
                        : number(series.sum() / series.finiteCount()));
                case "first" -> summary.set("first", number(Double.longBitsToDouble(series.firstBits())));
                case "last" -> summary.set("last", last);
                default -> {
                    // definitions are validated on ingestion; an unknown name from an older server is skipped
                }
            }
        }
        return summary;
    }

    private static JsonNode last(SeriesState series) {
        if (series.lastJson() != null) {
            try {
                return Json.mapper().readTree(series.lastJson());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored summary value is not JSON", e);
            }
        }
        return series.pointCount() == 0 ? null : number(Double.longBitsToDouble(series.lastBits()));
    }

    private static JsonNode number(Double value) {
        if (value == null) {
            return Json.mapper().nullNode();
        }
        double d = value;
        // whole numbers read back as integers, as they were most likely logged
        if (d == Math.rint(d) && Math.abs(d) < 1e15 && !(d == 0 && 1 / d < 0)) {
            return Json.mapper().getNodeFactory().numberNode((long) d);
        }
        return Json.mapper().getNodeFactory().numberNode(d);
    }

    private static String[] documents(Connection connection, long runPk) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT metric_defs, user_summary FROM runs WHERE id = ?")) {
            query.setLong(1, runPk);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("run " + runPk + " not found while refreshing its summary");
                }
                return new String[] {rows.getString(1), rows.getString(2)};
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

    private static String write(JsonNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
