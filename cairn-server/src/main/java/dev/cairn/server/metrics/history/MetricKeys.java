package dev.cairn.server.metrics.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cairn.core.json.Json;
import dev.cairn.server.metrics.store.SeriesName;
import dev.cairn.server.metrics.store.SeriesState;
import dev.cairn.server.metrics.store.SeriesTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The keys a run logged in one namespace, with their point counts, step range and last value. */
public final class MetricKeys {
    private MetricKeys() {
    }

    /** One key as listed; steps are null for a key that only ever logged values that are not numbers. */
    public record Key(String key, long count, @JsonProperty("first_step") Long firstStep,
                      @JsonProperty("last_step") Long lastStep, @JsonProperty("last_value") Object lastValue) {
    }

    /** A key in the union over several runs: {@code runs} of them logged it. */
    public record SharedKey(String key, int runs) {
    }

    /** The keys any of the runs logged, sorted by name (a run listed twice counts once). */
    public static List<SharedKey> union(Connection c, List<Long> runPks, String namespace) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        for (long runPk : new LinkedHashSet<>(runPks)) {
            for (SeriesName name : SeriesTable.load(c, runPk, namespace).keySet()) {
                counts.merge(name.key(), 1, Integer::sum);
            }
        }
        List<SharedKey> keys = new ArrayList<>(counts.size());
        counts.forEach((key, runs) -> keys.add(new SharedKey(key, runs)));
        return keys;
    }

    public static List<Key> list(Connection c, long runPk, String namespace) throws SQLException {
        List<Key> keys = new ArrayList<>();
        for (SeriesState s : SeriesTable.load(c, runPk, namespace).values()) {
            boolean hasPoints = s.pointCount() > 0;
            keys.add(new Key(s.name().key(), s.pointCount(), hasPoints ? s.minStep() : null,
                    hasPoints ? s.maxStep() : null, lastValue(s)));
        }
        return keys;
    }

    private static Object lastValue(SeriesState s) {
        if (s.lastJson() != null) {
            try {
                return Json.mapper().readTree(s.lastJson());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored value is not JSON", e);
            }
        }
        return s.pointCount() == 0 ? null : Double.longBitsToDouble(s.lastBits());
    }
}
