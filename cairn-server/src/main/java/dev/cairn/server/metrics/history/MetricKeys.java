package dev.cairn.server.metrics.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cairn.core.json.Json;
import dev.cairn.server.metrics.store.SeriesState;
import dev.cairn.server.metrics.store.SeriesTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The keys a run logged in one namespace, with their point counts, step range and last value. */
public final class MetricKeys {
    private MetricKeys() {
    }

    /** One key as listed; steps are null for a key that only ever logged values that are not numbers. */
    public record Key(String key, long count, @JsonProperty("first_step") Long firstStep,
                      @JsonProperty("last_step") Long lastStep, @JsonProperty("last_value") Object lastValue) {
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
