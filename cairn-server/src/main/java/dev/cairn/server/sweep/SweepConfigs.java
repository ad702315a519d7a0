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

    /** What {@code next} needs of one sweep. */
    record Parsed(SweepConfig config, SweepSearch search) {
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
        return new Parsed(config, search(config, sweep.retries()));
    }

    /** The config's search, with the sweep's own number of crash retries for grid points. */
    static SweepSearch search(SweepConfig config, int retries) {
        if (config.method() != SearchMethod.GRID) {
            return SweepSearch.of(config);
        }
        GridSearch grid = new GridSearch(config, retries);
        return (history, rng) -> SweepProgress.isDone(config, history) ? Optional.empty() : grid.next(history, rng);
    }
}
