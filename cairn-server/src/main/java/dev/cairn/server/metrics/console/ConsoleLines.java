package dev.cairn.server.metrics.console;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's console output, one row per line number: a later write of the same line replaces it, which is how
 * carriage-return progress bars end up as their final state.
 *
 * <pre>{@code
 * ConsoleLines.Batch batch = new ConsoleLines.Batch();
 * batch.put(7, "stdout", timeMicros, "epoch 1 [=====>    ] 50%");
 * batch.write(connection, runPk);
 * ConsoleLines.Page page = db.withHandle(c -> ConsoleLines.read(c, runPk, 0, 1000));
 * }</pre>
 */
public final class ConsoleLines {
    private ConsoleLines() {
    }

    /** One console line as served. */
    public record Line(long line, String stream, double time, String text) {
    }

    /** Lines from {@code from_line} on and the line number to ask for next. */
    public record Page(List<Line> lines, @JsonProperty("next_line") long nextLine) {
    }

    public static Page read(Connection c, long runPk, long fromLine, int limit) throws SQLException {
        List<Line> lines = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("SELECT line, stream, time_us, text FROM console_lines"
                + " WHERE run_id = ? AND line >= ? ORDER BY line LIMIT ?")) {
            query.setLong(1, runPk);
            query.setLong(2, fromLine);
            query.setInt(3, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lines.add(new Line(rows.getLong(1), rows.getString(2), rows.getLong(3) / 1e6, rows.getString(4)));
                }
            }
        }
        long next = lines.isEmpty() ? fromLine : lines.get(lines.size() - 1).line() + 1;
        return new Page(lines, next);
    }

    /** The lines one ingestion batch writes; the last write of a line number wins. */
    public static final class Batch {
        private final Map<Long, Object[]> lines = new LinkedHashMap<>();

        public void put(long line, String stream, long timeMicros, String text) {
            lines.remove(line);
            lines.put(line, new Object[] {stream, timeMicros, text});
        }

        /** How many distinct lines the batch holds. */
        public int size() {
            return lines.size();
        }

        /** The batch's lines as served, in line order (for live clients). */
        public List<Line> lines() {
            List<Line> out = new ArrayList<>(lines.size());
            lines.forEach((line, v) -> out.add(new Line(line, (String) v[0], (Long) v[1] / 1e6, (String) v[2])));
            out.sort(java.util.Comparator.comparingLong(Line::line));
            return out;
        }

        public void write(Connection c, long runPk) throws SQLException {
            if (lines.isEmpty()) {
                return;
            }
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO console_lines (run_id, line, stream,"
                    + " time_us, text) VALUES (?, ?, ?, ?, ?) ON CONFLICT (run_id, line) DO UPDATE SET"
                    + " stream = excluded.stream, time_us = excluded.time_us, text = excluded.text")) {
                for (Map.Entry<Long, Object[]> entry : lines.entrySet()) {
                    upsert.setLong(1, runPk);
                    upsert.setLong(2, entry.getKey());
                    upsert.setString(3, (String) entry.getValue()[0]);
                    upsert.setLong(4, (Long) entry.getValue()[1]);
                    upsert.setString(5, (String) entry.getValue()[2]);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
    }
}
