package dev.cairn.server.metrics;

import dev.cairn.core.json.Json;
import dev.cairn.server.run.RunFields;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Recomputes a run's merged summary ({@code runs.summary} and the {@code summary.*} run fields) from its
 * metric series, its metric definitions and its user-set summary keys. Call it in the transaction that
 * changed any of them.
 */
public final class Summaries {
    private Summaries() {
    }

    public static void refresh(Connection connection, long runPk) throws SQLException {
        // placeholder until the metrics package computes metric summaries: the user-set keys alone
        String userSummary;
        try (PreparedStatement query = connection.prepareStatement("SELECT user_summary FROM runs WHERE id = ?")) {
            query.setLong(1, runPk);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return;
                }
                userSummary = rows.getString(1);
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE runs SET summary = ? WHERE id = ?")) {
            update.setString(1, userSummary);
            update.setLong(2, runPk);
            update.executeUpdate();
        }
        try {
            RunFields.replace(connection, runPk, "summary", Json.mapper().readTree(userSummary));
        } catch (IOException e) {
            throw new IllegalStateException("stored user summary is not JSON", e);
        }
    }
}
