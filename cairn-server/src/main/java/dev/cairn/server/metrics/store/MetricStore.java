package dev.cairn.server.metrics.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Appends points to a run's series inside the caller's transaction: fills each series' tail chunk, writes
 * the full chunks that follow, adds the rollup cells they complete and updates the series aggregates, with one
 * JDBC batch per table for the whole call.
 *
 * <pre>{@code
 * db.inTransaction(c -> { MetricStore.append(c, runPk, batch); return null; });
 * }</pre>
 */
public final class MetricStore {
    private MetricStore() {
    }

    public static void append(Connection c, long runPk, SeriesBatch batch) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        Map<SeriesName, SeriesState> known = SeriesTable.load(c, runPk, null);
        ChunkTable.Writes chunks = new ChunkTable.Writes();
        RollupTable.Writes rollups = new RollupTable.Writes();
        List<SeriesState> changed = new ArrayList<>();
        for (Map.Entry<SeriesName, SeriesBatch.Input> entry : batch.series().entrySet()) {
            SeriesState state = known.get(entry.getKey());
            if (state == null) {
                state = SeriesTable.create(c, runPk, entry.getKey());
            }
            SeriesBatch.Input input = entry.getValue();
            if (input.points.size() > 0) {
                appendPoints(c, state, input.points, chunks, rollups);
            }
            if (input.endsWithJson) {
                state.lastJson = input.lastJson;
            } else if (input.points.size() > 0) {
                state.lastJson = null;
            }
            changed.add(state);
        }
        chunks.flush(c);
        rollups.flush(c);
        SeriesTable.update(c, changed);
    }

    private static void appendPoints(Connection c, SeriesState state, Points fresh, ChunkTable.Writes chunks,
                                     RollupTable.Writes rollups) throws SQLException {
        long before = state.pointCount;
        for (int i = 0; i < fresh.size(); i++) {
            if (fresh.step(i) == Points.SAMPLE_INDEX) {
                fresh.setStep(i, before + i);
            }
        }
        long firstChunk = before / ChunkCodec.CAPACITY;
        long base = firstChunk * ChunkCodec.CAPACITY;
        Points all = fresh;
        if (before > base) {
            all = new Points((int) (before - base) + fresh.size());
            byte[] tail = ChunkTable.data(c, state.id, firstChunk);
            int decoded = tail == null ? 0 : ChunkCodec.decode(tail, all);
            if (decoded != before - base) {
                throw new IllegalStateException("series " + state.id + " expects " + (before - base)
                        + " points in its tail chunk " + firstChunk + " but it holds " + decoded);
            }
            all.addAll(fresh, 0, fresh.size());
        }
        for (int from = 0; from < all.size(); from += ChunkCodec.CAPACITY) {
            int count = Math.min(ChunkCodec.CAPACITY, all.size() - from);
            chunks.add(state.id, firstChunk + from / ChunkCodec.CAPACITY, all.summarize(from, from + count),
                    ChunkCodec.encode(all, from, count));
        }
        long after = before + fresh.size();
        Rollups.append(c, state.id, all, base, before, after, rollups);
        state.absorb(fresh);
    }
}
