package dev.cairn.server.metrics.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes {@code metric_series} rows. */
public final class SeriesTable {
    private static final String COLUMNS = "id, namespace, metric_key, point_count, finite_count, sum_bits, min_value,"
            + " max_value, min_step, max_step, min_time, max_time, first_step, first_time, first_bits, last_step,"
            + " last_time, last_bits, last_json";

    private SeriesTable() {
    }

    /** Every series of a run in one namespace (or all namespaces when {@code namespace} is null), by key. */
    public static Map<SeriesName, SeriesState> load(Connection c, long runPk, String namespace) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM metric_series WHERE run_id = ?"
                + (namespace == null ? "" : " AND namespace = ?") + " ORDER BY metric_key";
        Map<SeriesName, SeriesState> series = new LinkedHashMap<>();
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setLong(1, runPk);
            if (namespace != null) {
                query.setString(2, namespace);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    SeriesState state = read(rows);
                    series.put(state.name, state);
                }
            }
        }
        return series;
    }

    /** One series, or null when the run never logged the key. */
    public static SeriesState find(Connection c, long runPk, SeriesName name) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS
                + " FROM metric_series WHERE run_id = ? AND namespace = ? AND metric_key = ?")) {
            query.setLong(1, runPk);
            query.setString(2, name.namespace());
            query.setString(3, name.key());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? read(rows) : null;
            }
        }
    }

    static SeriesState create(Connection c, long runPk, SeriesName name) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO metric_series (run_id, namespace, metric_key) VALUES (?, ?, ?) RETURNING id")) {
            insert.setLong(1, runPk);
            insert.setString(2, name.namespace());
            insert.setString(3, name.key());
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return new SeriesState(rows.getLong(1), name);
            }
        }
    }

    static void update(Connection c, List<SeriesState> changed) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE metric_series SET point_count = ?, finite_count = ?,"
                + " sum_bits = ?, min_value = ?, max_value = ?, min_step = ?, max_step = ?, min_time = ?, max_time = ?,"
                + " first_step = ?, first_time = ?, first_bits = ?, last_step = ?, last_time = ?, last_bits = ?,"
                + " last_json = ? WHERE id = ?")) {
            for (SeriesState s : changed) {
                update.setLong(1, s.pointCount);
                update.setLong(2, s.finiteCount);
                update.setLong(3, Double.doubleToRawLongBits(s.sum));
                setDouble(update, 4, s.min);
                setDouble(update, 5, s.max);
                boolean hasPoints = s.pointCount > 0;
                long[] extents = {s.minStep, s.maxStep, s.minTime, s.maxTime, s.firstStep, s.firstTime, s.firstBits,
                    s.lastStep, s.lastTime, s.lastBits};
                for (int i = 0; i < extents.length; i++) {
                    if (hasPoints) {
                        update.setLong(6 + i, extents[i]);
                    } else {
                        update.setNull(6 + i, Types.BIGINT);
                    }
                }
                update.setString(16, s.lastJson);
                update.setLong(17, s.id);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static SeriesState read(ResultSet rows) throws SQLException {
        SeriesState s = new SeriesState(rows.getLong(1), new SeriesName(rows.getString(2), rows.getString(3)));
        s.pointCount = rows.getLong(4);
        s.finiteCount = rows.getLong(5);
        s.sum = Double.longBitsToDouble(rows.getLong(6));
        s.min = nullableDouble(rows, 7);
        s.max = nullableDouble(rows, 8);
        s.minStep = rows.getLong(9);
        s.maxStep = rows.getLong(10);
        s.minTime = rows.getLong(11);
        s.maxTime = rows.getLong(12);
        s.firstStep = rows.getLong(13);
        s.firstTime = rows.getLong(14);
        s.firstBits = rows.getLong(15);
        s.lastStep = rows.getLong(16);
        s.lastTime = rows.getLong(17);
        s.lastBits = rows.getLong(18);
        s.lastJson = rows.getString(19);
        return s;
    }

    private static Double nullableDouble(ResultSet rows, int index) throws SQLException {
        double value = rows.getDouble(index);
        return rows.wasNull() ? null : value;
    }
}
