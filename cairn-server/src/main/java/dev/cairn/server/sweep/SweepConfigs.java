package dev.cairn.server.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cairn.core.json.Json;
import dev.cairn.core.sweep.SweepConfig;
import dev.cairn.core.sweep.SweepProgress;
import dev.cairn.core.sweep.SweepSearch;
import dev.cairn.core.sweep.config.SearchMethod;
import dev.cairn.core.sweep.search.GridSearch;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parsed config and the search of each sweep, built once per sweep: a sweep's file never changes after
 * it is created, so the cache needs no invalidation, and {@code next} skips re-validating the file.
 */
final class SweepConfigs {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** What {@code next} needs of one sweep; {@code grid} is null unless the method is grid. */
    record Parsed(SweepConfig config, SweepSearch search, GridSearch grid) {
    }

    private final Map<Long, Parsed> bySweepPk = new ConcurrentHashMap<>();

    Parsed of(SweepRow sweep) {
        return bySweepPk.computeIfAbsent(sweep.pk(), pk -> parse(sweep));
    }

    SweepConfig config(SweepRow sweep) {
        return of(sweep).config();
    }

    private static Parsed parse(SweepRow sweep) {
        SweepConfig config;
        try {
            config = SweepConfig.fromMap(Json.mapper().readValue(sweep.configJson(), MAP));
        } catch (IOException e) {
            throw new IllegalStateException("stored config of sweep " + sweep + " is not JSON", e);
        }
        if (config.method() != SearchMethod.GRID) {
            return new Parsed(config, SweepSearch.of(config), null);
        }
        // the sweep's own number of crash retries for grid points
        GridSearch grid = new GridSearch(config, sweep.retries());
        SweepSearch search = (history, rng) -> SweepProgress.isDone(config, history) ? Optional.empty()
                : grid.next(history, rng);
        return new Parsed(config, search, grid);
    }

    /** Drops a deleted sweep's entry (SQLite may give a later sweep the same row id). */
    void forget(long sweepPk) {
        bySweepPk.remove(sweepPk);
    }
}
