package dev.cairn.core.record;

import static dev.cairn.core.record.MetricPayloads.COUNT_OFFSET;
import static dev.cairn.core.record.MetricPayloads.HEADER_BYTES;
import static dev.cairn.core.record.MetricPayloads.MAX_KEY_BYTES;
import static dev.cairn.core.record.MetricPayloads.SEQ_OFFSET;
import static dev.cairn.core.record.MetricPayloads.STEP_OFFSET;
import static dev.cairn.core.record.MetricPayloads.TIME_OFFSET;
import static dev.cairn.core.record.MetricPayloads.TYPE_OFFSET;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads binary metric payloads (docs/records.md, "Binary metric payloads"). Consecutive records of a run
 * carry the same keys in the same order: when a record's key block has the same bytes as the previous
 * record's, its keys are the previous record's {@code String[]}, the same array object, so nothing is decoded
 * and a caller can recognise the keys it has already looked up by identity. One reader per batch or thread.
 *
 * <pre>{@code
 * MetricPayloadReader reader = new MetricPayloadReader();
 * MetricPayloadReader.Metrics m = reader.read(payload, 0, payload.length);
 * }</pre>
 */
public final class MetricPayloadReader {
    private byte[] previousBytes;
    private int previousKeysFrom;
    private int previousKeysTo;
    private String[] previousKeys;

    /** One decoded record; {@code step} is {@link MetricPayloads#NO_STEP} when the record has none. */
    public record Metrics(byte type, long seq, double time, long step, String[] keys, double[] values) {
        public boolean isHistory() {
            return type == MetricPayloads.TYPE_HISTORY;
        }
    }

    /**
     * Decodes the payload at {@code bytes[offset, offset + length)}.
     *
     * @throws IllegalArgumentException naming what is wrong when the payload does not follow the layout
     */
    public Metrics read(byte[] bytes, int offset, int length) {
        if (length < HEADER_BYTES) {
            throw malformed("it is " + length + " bytes, shorter than the " + HEADER_BYTES + "-byte header");
        }
        byte type = bytes[offset + TYPE_OFFSET];
        if (bytes[offset] != MetricPayloads.MARKER) {
            throw malformed("its first byte is not the binary marker 0x01");
        }
        if (type != MetricPayloads.TYPE_HISTORY && type != MetricPayloads.TYPE_SYSTEM) {
            throw malformed("its type byte is " + type + ", not 1 (history) or 2 (system)");
        }
        int count = MetricPayloads.getUnsignedShort(bytes, offset + COUNT_OFFSET);
        int end = offset + length;
        int keysFrom = offset + HEADER_BYTES;
        int keysTo = endOfKeys(bytes, keysFrom, end, count);
        if (end - keysTo != 8L * count) {
            throw malformed((end - keysTo) + " bytes follow its keys, not the " + 8L * count + " of its " + count
                    + " values");
        }
        String[] keys = sameKeysAsBefore(bytes, keysFrom, keysTo) ? previousKeys : keys(bytes, keysFrom, count);
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = MetricPayloads.getDouble(bytes, keysTo + 8 * i);
        }
        previousBytes = bytes;
        previousKeysFrom = keysFrom;
        previousKeysTo = keysTo;
        previousKeys = keys;
        return new Metrics(type, MetricPayloads.getLong(bytes, offset + SEQ_OFFSET),
                MetricPayloads.getDouble(bytes, offset + TIME_OFFSET), MetricPayloads.getLong(bytes, offset + STEP_OFFSET),
                keys, values);
    }

    /** Where the key block that starts at {@code at} ends, checking every length against the payload's end. */
    private static int endOfKeys(byte[] bytes, int at, int end, int count) {
        for (int i = 0; i < count; i++) {
            if (end - at < 2) {
                throw malformed("key " + i + " of " + count + " is cut off");
            }
            int keyLength = MetricPayloads.getUnsignedShort(bytes, at);
            if (keyLength > MAX_KEY_BYTES) {
                throw malformed("key " + i + " is " + keyLength + " bytes, more than " + MAX_KEY_BYTES);
            }
            at += 2 + keyLength;
            if (at > end) {
                throw malformed("key " + i + " of " + count + " is cut off");
            }
        }
        return at;
    }

    private boolean sameKeysAsBefore(byte[] bytes, int from, int to) {
        return previousKeys != null && previousKeysTo - previousKeysFrom == to - from
                && Arrays.equals(bytes, from, to, previousBytes, previousKeysFrom, previousKeysTo);
    }

    private static String[] keys(byte[] bytes, int at, int count) {
        String[] keys = new String[count];
        for (int i = 0; i < count; i++) {
            int keyLength = MetricPayloads.getUnsignedShort(bytes, at);
            keys[i] = new String(bytes, at + 2, keyLength, StandardCharsets.UTF_8);
            at += 2 + keyLength;
        }
        return keys;
    }

    private static IllegalArgumentException malformed(String problem) {
        return new IllegalArgumentException("binary metric record: " + problem);
    }
}
