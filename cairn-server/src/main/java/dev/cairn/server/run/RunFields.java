package dev.cairn.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Map;

/**
 * Keeps {@code run_fields}: every leaf of a run's config and summary under its dotted name
 * ({@code config.optimizer.lr}, {@code summary.acc.max}), as a number when it is one and as text
 * otherwise, so filters and sorts on any key are index lookups rather than JSON parsing of every run.
 */
public final class RunFields {
    private RunFields() {
    }

    /** Replaces all fields under {@code prefix} ("config" or "summary") with the leaves of {@code document}. */
    public static void replace(Connection connection, long runPk, String prefix, JsonNode document) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM run_fields WHERE run_id = ? AND field LIKE ?")) {
            delete.setLong(1, runPk);
            delete.setString(2, prefix + ".%");
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO run_fields (run_id, field, num, txt) VALUES (?, ?, ?, ?)")) {
            addLeaves(insert, runPk, prefix, document);
            insert.executeBatch();
        }
    }

    private static void addLeaves(PreparedStatement insert, long runPk, String name, JsonNode node) throws SQLException {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                addLeaves(insert, runPk, name + "." + field.getKey(), field.getValue());
            }
            return;
        }
        insert.setLong(1, runPk);
        insert.setString(2, name);
        Double number = numberOf(node);
        if (number == null || !Double.isFinite(number)) {
            // SQLite turns NaN into NULL anyway; non-finite values sort and compare as text
            insert.setNull(3, java.sql.Types.DOUBLE);
        } else {
            insert.setDouble(3, number);
        }
        insert.setString(4, node.isTextual() ? node.textValue() : node.toString());
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
