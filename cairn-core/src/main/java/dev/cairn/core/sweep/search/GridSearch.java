package dev.cairn.core.sweep.search;

import dev.cairn.core.sweep.SweepConfig;
import dev.cairn.core.sweep.SweepSearch;
import dev.cairn.core.sweep.Trial;
import dev.cairn.core.sweep.TrialState;
import dev.cairn.core.sweep.config.Parameter;
import dev.cairn.core.sweep.internal.UnitSpace;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Walks the Cartesian product of every parameter's values (constants, {@code values},
 * int_uniform ranges, q_uniform steps), handing out each point once across all trials, in a
 * fixed order: the first parameter varies slowest, as in W&amp;B.
 *
 * <p>A point is taken once any trial holds it, whatever its state, except {@code CRASHED}: a
 * crash says nothing about the parameters, so a crashed point is handed out again, up to
 * {@code crashRetries} times (default 1). A crashed trial that comes back after its point was
 * handed out again is {@link #superseded} and still counts as crashed. Points are matched by
 * value, so {@code 3} and {@code 3.0} are the same point.
 *
 * <pre>{@code
 * GridSearch grid = new GridSearch(config);      // or new GridSearch(config, 0): never retry
 * grid.size();                                   // 12 for values [a, b, c] x [1, 2, 3, 4]
 * grid.next(trials, rng);                        // first point no trial holds; empty when all are
 * }</pre>
 */
public final class GridSearch implements SweepSearch {

    public static final int DEFAULT_CRASH_RETRIES = 1;

    private final List<Parameter> leaves;
    private final List<List<Object>> axes = new ArrayList<>();
    private final UnitSpace space;
    private final int crashRetries;
    private final long size;

    public GridSearch(SweepConfig config) {
        this(config, DEFAULT_CRASH_RETRIES);
    }

    /**
     * @param crashRetries how many times a crashed point may be handed out again
     * @throws IllegalArgumentException when a parameter cannot be enumerated or the grid
     *                                  has more points than a long can count
     */
    public GridSearch(SweepConfig config, int crashRetries) {
        if (crashRetries < 0) {
            throw new IllegalArgumentException("crashRetries must be at least 0, got " + crashRetries);
        }
        this.leaves = config.parameters();
        this.space = new UnitSpace(leaves);
        this.crashRetries = crashRetries;
        long points = 1;
        for (Parameter leaf : leaves) {
            List<Object> values = leaf.gridValues().orElseThrow(() -> new IllegalArgumentException(
                    "grid search cannot enumerate " + leaf.name() + " (" + leaf.distribution().wandbName() + ")"));
            axes.add(values);
            points = Math.multiplyExact(points, values.size());
        }
        this.size = points;
    }

    /** How many points the grid has. */
    public long size() {
        return size;
    }

    @Override
    public Optional<Map<String, Object>> next(List<Trial> history, Random rng) {
        Set<List<Object>> taken = new HashSet<>();
        Map<List<Object>, Integer> crashes = new HashMap<>();
        BitSet superseded = superseded(history);
        for (int i = 0; i < history.size(); i++) {
            Trial trial = history.get(i);
            List<Object> key = space.key(trial.params());
            // a superseded trial crashed before its point was handed out again: it still counts as that crash
            if (trial.state() == TrialState.CRASHED || superseded.get(i)) {
                crashes.merge(key, 1, Integer::sum);
            } else {
                taken.add(key);
            }
        }
        for (long index = 0; index < size; index++) {
            Map<String, Object> point = pointAt(index);
            List<Object> key = space.key(point);
            if (!taken.contains(key) && crashes.getOrDefault(key, 0) <= crashRetries) {
                return Optional.of(point);
            }
        }
        return Optional.empty();
    }

    /**
     * The trials, by index in {@code history} (oldest first), whose point a later trial holds: the point was
     * handed out again because they had crashed. Such a trial may come back (its program resumes or heartbeats
     * again) but no longer owns its point: the controller tells it to stop, and it keeps counting as the crash
     * that freed the point, so its comeback does not change how often the point is retried.
     *
     * <pre>{@code
     * BitSet gone = grid.superseded(List.of(crashedThenRevived, reissued));   // {0}
     * }</pre>
     */
    public BitSet superseded(List<Trial> history) {
        BitSet superseded = new BitSet(history.size());
        Set<List<Object>> later = new HashSet<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (!later.add(space.key(history.get(i).params()))) {
                superseded.set(i);
            }
        }
        return superseded;
    }

    /** The index-th point, reading the index as digits with the last parameter fastest. */
    private Map<String, Object> pointAt(long index) {
        Object[] values = new Object[leaves.size()];
        long rest = index;
        for (int i = leaves.size() - 1; i >= 0; i--) {
            List<Object> axis = axes.get(i);
            values[i] = axis.get((int) (rest % axis.size()));
            rest /= axis.size();
        }
        Map<String, Object> point = new LinkedHashMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            UnitSpace.put(point, leaves.get(i).path(), values[i]);
        }
        return point;
    }
}
