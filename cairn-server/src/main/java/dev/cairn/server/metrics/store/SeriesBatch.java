package dev.cairn.server.metrics.store;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The points one ingestion batch adds to a run, grouped by series, in arrival order.
 *
 * <pre>{@code
 * SeriesBatch batch = new SeriesBatch();
 * batch.add(SeriesName.HISTORY, "loss", 0, timeMicros, Double.doubleToRawLongBits(0.9));
 * MetricStore.append(connection, runPk, batch);
 * }</pre>
 */
public final class SeriesBatch {
    private final Map<SeriesName, Input> series = new LinkedHashMap<>();
    // one map per namespace, looked up by the key string itself: no allocation per point
    private final Map<String, Map<String, Input>> byNamespace = new HashMap<>();

    /** What one series receives: numeric points and, possibly, a non-numeric value logged after them. */
    public static final class Input {
        final Points points = new Points(64);
        String lastJson;
        boolean endsWithJson;

        /** Adds a numeric point; {@code step} may be {@link Points#SAMPLE_INDEX}. */
        public void add(long step, long timeMicros, long valueBits) {
            points.add(step, timeMicros, valueBits);
            endsWithJson = false;
        }
    }

    /** Adds a numeric point; {@code step} may be {@link Points#SAMPLE_INDEX}. */
    public void add(String namespace, String key, long step, long timeMicros, long valueBits) {
        namespace(namespace).series(key).add(step, timeMicros, valueBits);
    }

    /** The series of one namespace, to look many keys up without looking the namespace up for each. */
    public Namespace namespace(String namespace) {
        return new Namespace(namespace, byNamespace.computeIfAbsent(namespace, ignored -> new HashMap<>()));
    }

    /** The series of one namespace, by key. */
    public final class Namespace {
        private final String name;
        private final Map<String, Input> keys;

        private Namespace(String name, Map<String, Input> keys) {
            this.name = name;
            this.keys = keys;
        }

        /** The series of {@code key}, to add points to it without looking it up again. */
        public Input series(String key) {
            Input input = keys.get(key);
            return input != null ? input : input(name, key);
        }
    }

    /** Records a value that is not a number: it becomes the series' last value but adds no point. */
    public void addNonNumeric(String namespace, String key, String json) {
        Input input = input(namespace, key);
        input.lastJson = json;
        input.endsWithJson = true;
    }

    private Input input(String namespace, String key) {
        Map<String, Input> keys = byNamespace.computeIfAbsent(namespace, ignored -> new HashMap<>());
        Input input = keys.get(key);
        if (input == null) {
            input = new Input();
            keys.put(key, input);
            series.put(new SeriesName(namespace, key), input);
        }
        return input;
    }

    public boolean isEmpty() {
        return series.isEmpty();
    }

    /** Whether any history series (the ones summaries are built from) changed. */
    public boolean touchesHistory() {
        return byNamespace.containsKey(SeriesName.HISTORY);
    }

    public int pointCount() {
        return series.values().stream().mapToInt(input -> input.points.size()).sum();
    }

    Map<SeriesName, Input> series() {
        return series;
    }
}
