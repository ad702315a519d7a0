package dev.cairn.core.sweep;

import dev.cairn.core.sweep.search.BayesSearch;
import dev.cairn.core.sweep.search.GridSearch;
import dev.cairn.core.sweep.search.RandomSearch;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Picks the parameters of a sweep's next trial from the trials so far. Implementations hold
 * no state between calls: everything they need is in the history, so any controller (or
 * several, one after another) can ask.
 *
 * <pre>{@code
 * SweepSearch search = SweepSearch.of(config);
 * Optional<Map<String, Object>> next = search.next(trials, new Random());
 * if (next.isEmpty()) {
 *     // the sweep is done: grid exhausted, run_cap reached or metric target met
 * }
 * }</pre>
 */
@FunctionalInterface
public interface SweepSearch {

    /**
     * The parameters for the next trial, nested as in the sweep file's {@code parameters}
     * block, or empty when the sweep is done.
     *
     * @param history every trial of the sweep so far, in any order, in any state
     * @param rng     the only source of randomness, so callers can make runs reproducible
     */
    Optional<Map<String, Object>> next(List<Trial> history, Random rng);

    /**
     * The search the config's {@code method} names, which also reports done once
     * {@link SweepProgress#isDone} says so (run_cap reached or metric target met).
     */
    static SweepSearch of(SweepConfig config) {
        SweepSearch method = switch (config.method()) {
            case GRID -> new GridSearch(config);
            case RANDOM -> new RandomSearch(config);
            case BAYES -> new BayesSearch(config);
        };
        return (history, rng) -> SweepProgress.isDone(config, history) ? Optional.empty() : method.next(history, rng);
    }
}
