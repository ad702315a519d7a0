package dev.cairn.server.metrics.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the packed cell pages of {@code metric_rollups}. */
public final class RollupTable {
    private RollupTable() {
    }

    /** A stored cell: its index within its level and its summary. */
    public record Cell(long index, Summary summary) {
    }

    static List<Summary> page(Connection c, long seriesId, int level, long pageNo) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT cells FROM metric_rollups WHERE series_id = ? AND level = ? AND page_no = ?")) {
            query.setLong(1, seriesId);
            query.setInt(2, level);
            query.setLong(3, pageNo);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("rollup page " + pageNo + " of level " + level + " of series "
                            + seriesId + " is missing");
                }
                List<Summary> cells = new ArrayList<>();
                unpack(rows.getBytes(1), pageNo, (index, summary) -> cells.add(summary));
                return cells;
            }
        }
    }

    /** Cells of {@code level} with index in {@code [fromCell, toCell)} on pages whose x extent meets the range. */
    public static List<Cell> cells(Connection c, long seriesId, int level, long fromCell, long toCell,
                                   boolean byTime, long minX, long maxX) throws SQLException {
        String x = byTime ? "time" : "step";
        List<Cell> cells = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("SELECT page_no, cells FROM metric_rollups"
                + " WHERE series_id = ? AND level = ? AND page_no >= ? AND page_no <= ?"
                + " AND max_" + x + " >= ? AND min_" + x + " <= ? ORDER BY page_no")) {
            query.setLong(1, seriesId);
            query.setInt(2, level);
            query.setLong(3, fromCell / Rollups.PAGE_CELLS);
            query.setLong(4, (toCell - 1) / Rollups.PAGE_CELLS);
            query.setLong(5, minX);
            query.setLong(6, maxX);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    unpack(rows.getBytes(2), rows.getLong(1), (index, summary) -> {
                        if (index >= fromCell && index < toCell) {
                            cells.add(new Cell(index, summary));
                        }
                    });
                }
            }
        }
        return cells;
    }

    private interface CellSink {
        void accept(long index, Summary summary);
    }

    private static void unpack(byte[] packed, long pageNo, CellSink sink) {
        ByteBuffer in = ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN);
        long index = pageNo * Rollups.PAGE_CELLS;
        while (in.hasRemaining()) {
            sink.accept(index++, Summary.readFrom(in));
        }
    }

    /** Pages to insert or replace, written in one JDBC batch. */
    static final class Writes {
        private final List<Object[]> rows = new ArrayList<>();

        void add(long seriesId, int level, long pageNo, List<Summary> cells) {
            ByteBuffer out = ByteBuffer.allocate(cells.size() * Summary.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            Summary extent = new Summary();
            for (Summary cell : cells) {
                cell.writeTo(out);
                extent.merge(cell);
            }
            rows.add(new Object[] {seriesId, level, pageNo, cells.size(), extent, out.array()});
        }

        void flush(Connection c) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO metric_rollups (series_id, level, page_no,"
                    + " cell_count, min_step, max_step, min_time, max_time, cells) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (series_id, level, page_no) DO UPDATE SET cell_count = excluded.cell_count,"
                    + " min_step = excluded.min_step, max_step = excluded.max_step, min_time = excluded.min_time,"
                    + " max_time = excluded.max_time, cells = excluded.cells")) {
                for (Object[] row : rows) {
                    Summary extent = (Summary) row[4];
                    upsert.setLong(1, (Long) row[0]);
                    upsert.setInt(2, (Integer) row[1]);
                    upsert.setLong(3, (Long) row[2]);
                    upsert.setInt(4, (Integer) row[3]);
                    upsert.setLong(5, extent.minStep());
                    upsert.setLong(6, extent.maxStep());
                    upsert.setLong(7, extent.minTime());
                    upsert.setLong(8, extent.maxTime());
                    upsert.setBytes(9, (byte[]) row[5]);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            rows.clear();
        }
    }
}
