package dev.cairn.core.sweep.search;

import dev.cairn.core.sweep.SweepConfig;
import dev.cairn.core.sweep.SweepSearch;
import dev.cairn.core.sweep.Trial;
import dev.cairn.core.sweep.internal.UnitSpace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Draws every parameter independently from its distribution. Never runs out; end it with
 * {@code run_cap} or a metric target.
 *
 * <pre>{@code
 * Map<String, Object> params = new RandomSearch(config).next(List.of(), new Random(7)).orElseThrow();
 * }</pre>
 */
public final class RandomSearch implements SweepSearch {

    private final UnitSpace space;

    public RandomSearch(SweepConfig config) {
        this.space = new UnitSpace(config.parameters());
    }

    @Override
    public Optional<Map<String, Object>> next(List<Trial> history, Random rng) {
        return Optional.of(space.sample(rng));
    }
}
