package dev.cairn.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import java.util.Map;

/**
 * One record as the caller handed it over, before the writer thread encodes it. Building one is cheap
 * (two small arrays) because it happens on the training thread; JSON encoding waits for the writer.
 * {@code seq} and {@code time} are stamped by the {@link Accumulator} when the record is queued.
 */
public final class PendingRecord {
    /** Marks a history record without an explicit step: the server assigns the next one. */
    public static final long NO_STEP = Long.MIN_VALUE;
    /** The server's limit on metric keys (docs/records.md). */
    static final int MAX_METRIC_KEY_LENGTH = 512;

    final String type;
    final String[] keys;
    final Object[] values;
    final long step;
    final Map<String, Object> fields;
    long seq;
    double timeSeconds;

    private PendingRecord(String type, String[] keys, Object[] values, long step, Map<String, Object> fields) {
        this.type = type;
        this.keys = keys;
        this.values = values;
        this.step = step;
        this.fields = fields;
    }

    /**
     * A record whose payload is a {@code values} object (history, system, config, summary, metadata).
     * Numbers, booleans and strings are kept as they are; anything else is copied to a JSON tree now, so the
     * caller may change its objects after the call.
     */
    public static PendingRecord ofValues(String type, Map<String, ?> values, long step) {
        int size = values.size();
        String[] keys = new String[size];
        Object[] copies = new Object[size];
        boolean isMetric = type.equals("history") || type.equals("system");
        int i = 0;
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            if (i == size) {
                break; // the map grew under us (another thread); what we copied is a consistent prefix
            }
            keys[i] = isMetric ? requireMetricKey(entry.getKey()) : requireKey(entry.getKey());
            copies[i] = snapshot(entry.getValue());
            i++;
        }
        if (i < size) {
            keys = java.util.Arrays.copyOf(keys, i);
            copies = java.util.Arrays.copyOf(copies, i);
        }
        return new PendingRecord(type, keys, copies, step, Map.of());
    }

    /** A record whose payload is other top-level fields (console, define_metric, exit). */
    public static PendingRecord ofFields(String type, Map<String, Object> fields) {
        return new PendingRecord(type, null, null, NO_STEP, Map.copyOf(fields));
    }

    public String type() {
        return type;
    }

    public long seq() {
        return seq;
    }

    private static String requireKey(String key) {
        if (key == null) {
            throw new IllegalArgumentException("metric names must not be null");
        }
        return key;
    }

    /**
     * The server refuses a batch holding a bad metric key, and with it every record after it in the log:
     * refuse the key here, where the caller sees which call was wrong.
     */
    private static String requireMetricKey(String key) {
        requireKey(key);
        if (key.isEmpty() || key.length() > MAX_METRIC_KEY_LENGTH || key.indexOf(0) >= 0) {
            throw new IllegalArgumentException("metric names must be 1-" + MAX_METRIC_KEY_LENGTH
                    + " characters without NUL, not '" + key.replace("\0", "\\0") + "'");
        }
        return key;
    }

    private static Object snapshot(Object value) {
        if (value == null || value instanceof Double || value instanceof Float || value instanceof Integer
                || value instanceof Long || value instanceof String || value instanceof Boolean
                || value instanceof JsonNode) {
            return value;
        }
        return Json.mapper().valueToTree(value);
    }
}
