package dev.cairn.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps {@code run_fields}: every leaf of a run's config and summary under its dotted name
 * ({@code config.optimizer.lr}, {@code summary.acc.max}), as a number when it is one and as text
 * otherwise, so filters and sorts on any key are index lookups rather than JSON parsing of every run.
 *
 * <pre>{@code
 * RunFields.replace(connection, runPk, "config", Json.mapper().readTree("{\"lr\":0.001}"));
 * }</pre>
 */
public final class RunFields {
    private RunFields() {
    }

    /** Replaces all fields under {@code prefix} ("config" or "summary") with the leaves of {@code document}. */
    public static void replace(Connection connection, long runPk, String prefix, JsonNode document) throws SQLException {
        replace(connection, runPk, projectOf(connection, runPk), prefix, document);
    }

    /** As {@link #replace(Connection, long, String, JsonNode)}, for callers that know the run's project. */
    static void replace(Connection connection, long runPk, long projectPk, String prefix, JsonNode document)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM run_fields WHERE run_id = ? AND field LIKE ?")) {
            delete.setLong(1, runPk);
            delete.setString(2, prefix + ".%");
            delete.executeUpdate();
        }
        // {"a.b":1,"a":{"b":2}} flattens to config.a.b twice: the later leaf wins, as in a JSON object
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        JsonDocs.flatten(prefix, document, leaves);
        if (leaves.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO run_fields (run_id, project_id, field, num, txt) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, JsonNode> leaf : leaves.entrySet()) {
                addLeaf(insert, runPk, projectPk, leaf.getKey(), leaf.getValue());
            }
            insert.executeBatch();
        }
    }

    private static long projectOf(Connection connection, long runPk) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT project_id FROM runs WHERE id = ?")) {
            query.setLong(1, runPk);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no run with internal id " + runPk);
                }
                return rows.getLong(1);
            }
        }
    }

    private static void addLeaf(PreparedStatement insert, long runPk, long projectPk, String field, JsonNode node)
            throws SQLException {
        insert.setLong(1, runPk);
        insert.setLong(2, projectPk);
        insert.setString(3, field);
        Double number = numberOf(node);
        if (number == null || !Double.isFinite(number)) {
            // SQLite turns NaN into NULL anyway; non-finite values sort and compare as text
            insert.setNull(4, java.sql.Types.DOUBLE);
        } else {
            insert.setDouble(4, number);
        }
        insert.setString(5, node.isTextual() ? node.textValue() : node.toString());
        insert.addBatch();
    }

    private static Double numberOf(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? 1.0 : 0.0;
        }
        return null;
    }
}
