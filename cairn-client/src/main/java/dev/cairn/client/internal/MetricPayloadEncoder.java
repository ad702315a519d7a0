package dev.cairn.client.internal;

import static dev.cairn.core.record.MetricPayloads.COUNT_OFFSET;
import static dev.cairn.core.record.MetricPayloads.HEADER_BYTES;
import static dev.cairn.core.record.MetricPayloads.MAX_KEY_BYTES;
import static dev.cairn.core.record.MetricPayloads.MAX_VALUES;
import static dev.cairn.core.record.MetricPayloads.SEQ_OFFSET;
import static dev.cairn.core.record.MetricPayloads.STEP_OFFSET;
import static dev.cairn.core.record.MetricPayloads.TIME_OFFSET;
import static dev.cairn.core.record.MetricPayloads.TYPE_OFFSET;

import dev.cairn.core.record.MetricPayloads;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes {@code history} and {@code system} records of plain numbers as binary payloads (docs/records.md,
 * "Binary metric payloads"). Keys repeat in every record of a run, so their UTF-8 bytes are kept.
 * One encoder per thread.
 */
final class MetricPayloadEncoder {
    /** Bounds the key cache for runs that invent new keys all the time. */
    private static final int MAX_CACHED_KEYS = 4096;

    private final Map<String, byte[]> keyBytes = new HashMap<>();
    private byte[][] recordKeys = new byte[16][];

    /** The binary payload, or null when the record holds something it cannot carry (a string, a tree). */
    byte[] encode(PendingRecord record) {
        byte type = typeOf(record);
        if (type == 0 || !record.fields.isEmpty() || record.keys == null) {
            return null;
        }
        int count = 0;
        int size = HEADER_BYTES;
        Object[] values = record.values;
        if (recordKeys.length < values.length) {
            recordKeys = new byte[values.length][];
        }
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            byte[] key = keyBytes(record.keys[i]);
            if (!isPlainNumber(value) || key.length > MAX_KEY_BYTES || count == MAX_VALUES) {
                return null;
            }
            recordKeys[i] = key;
            size += 2 + key.length + 8;
            count++;
        }
        byte[] out = new byte[size];
        out[0] = MetricPayloads.MARKER;
        out[TYPE_OFFSET] = type;
        MetricPayloads.putLong(out, SEQ_OFFSET, record.seq);
        MetricPayloads.putDouble(out, TIME_OFFSET, record.timeSeconds);
        MetricPayloads.putLong(out, STEP_OFFSET, record.step == PendingRecord.NO_STEP ? MetricPayloads.NO_STEP : record.step);
        MetricPayloads.putShort(out, COUNT_OFFSET, count);
        int at = HEADER_BYTES;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                byte[] key = recordKeys[i];
                MetricPayloads.putShort(out, at, key.length);
                System.arraycopy(key, 0, out, at + 2, key.length);
                at += 2 + key.length;
            }
        }
        for (Object value : values) {
            if (value != null) {
                MetricPayloads.putDouble(out, at, toDouble(value));
                at += 8;
            }
        }
        return out;
    }

    private static byte typeOf(PendingRecord record) {
        return switch (record.type) {
            case "history" -> MetricPayloads.TYPE_HISTORY;
            case "system" -> MetricPayloads.TYPE_SYSTEM;
            default -> 0;
        };
    }

    private static boolean isPlainNumber(Object value) {
        return value instanceof Double || value instanceof Float || value instanceof Integer || value instanceof Long
                || value instanceof Boolean;
    }

    private static double toDouble(Object value) {
        if (value instanceof Boolean) {
            return (Boolean) value ? 1 : 0;
        }
        return ((Number) value).doubleValue();
    }

    private byte[] keyBytes(String key) {
        byte[] bytes = keyBytes.get(key);
        if (bytes == null) {
            if (keyBytes.size() == MAX_CACHED_KEYS) {
                keyBytes.clear();
            }
            bytes = key.getBytes(StandardCharsets.UTF_8);
            keyBytes.put(key, bytes);
        }
        return bytes;
    }
}
