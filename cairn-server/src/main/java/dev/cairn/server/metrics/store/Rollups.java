package dev.cairn.server.metrics.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The pyramid of pre-aggregated cells over a series' points in arrival order: level 0 has one {@link Summary}
 * per {@value #BASE_CELL_POINTS} points, each level above one per 4 cells of the level below. A downsample of a
 * long series reads a few thousand cells of one level instead of millions of points. Only complete cells are
 * stored, so a level's pages only grow at their end; the incomplete rest of a series is covered by the levels
 * below and the tail chunk.
 *
 * <p>Write cost: per appended point, one summary update per level it completes (4/3 of a cell per 64 points);
 * per batch and series, one page write per level that gained a cell. About 1.7 bytes of cells per point.
 */
public final class Rollups {
    public static final int BASE_CELL_POINTS = 64;
    public static final int FANOUT = 4;
    public static final int PAGE_CELLS = 32;
    /** Levels up to cells of 64 * 4^14 (about 17 billion) points. */
    public static final int MAX_LEVEL = 14;

    private Rollups() {
    }

    /** Points per cell at {@code level}. */
    public static long cellPoints(int level) {
        return (long) BASE_CELL_POINTS << (2 * level);
    }

    /**
     * Adds the cells completed by appending points {@code [before, after)} of a series. {@code all} holds the
     * series' points from index {@code base} (the start of its tail chunk) up to {@code after}.
     */
    static void append(Connection c, long seriesId, Points all, long base, long before, long after,
                       RollupTable.Writes writes) throws SQLException {
        List<Summary> fresh = new ArrayList<>();
        for (long cell = before / BASE_CELL_POINTS; cell < after / BASE_CELL_POINTS; cell++) {
            int from = (int) (cell * BASE_CELL_POINTS - base);
            fresh.add(all.summarize(from, from + BASE_CELL_POINTS));
        }
        for (int level = 0; !fresh.isEmpty() && level <= MAX_LEVEL; level++) {
            long cellsBefore = before / cellPoints(level);
            long pageStart = cellsBefore / PAGE_CELLS * PAGE_CELLS;
            List<Summary> cells = new ArrayList<>();
            if (cellsBefore > pageStart) {
                cells.addAll(RollupTable.page(c, seriesId, level, pageStart / PAGE_CELLS));
            }
            cells.addAll(fresh);
            for (int from = 0; from < cells.size(); from += PAGE_CELLS) {
                writes.add(seriesId, level, (pageStart + from) / PAGE_CELLS,
                        cells.subList(from, Math.min(cells.size(), from + PAGE_CELLS)));
            }
            fresh = parents(cells, pageStart, before / cellPoints(level + 1), after / cellPoints(level + 1));
        }
    }

    /** Cells {@code [fromParent, toParent)} of the next level, each merging 4 of {@code cells}. */
    private static List<Summary> parents(List<Summary> cells, long pageStart, long fromParent, long toParent) {
        List<Summary> parents = new ArrayList<>();
        for (long parent = fromParent; parent < toParent; parent++) {
            Summary merged = new Summary();
            int first = (int) (parent * FANOUT - pageStart);
            for (int i = first; i < first + FANOUT; i++) {
                merged.merge(cells.get(i));
            }
            parents.add(merged);
        }
        return parents;
    }
}
