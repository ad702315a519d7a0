package dev.cairn.server.metrics;

import java.sql.Connection;
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
        // filled in by the metrics package
    }
}
