package dev.cairn.core.record;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The binary form of a {@code history} or {@code system} record (docs/records.md, "Binary metric payloads"):
 * the layout's constants and little-endian accessors shared by the Java SDK, which writes it, and the server,
 * which reads it. Decimal text was the largest cost of shipping metrics; these payloads carry the doubles'
 * bits as they are.
 *
 * <pre>{@code
 * if (MetricPayloads.isBinary(payload)) {
 *     long seq = MetricPayloads.seqOf(payload);
 * }
 * }</pre>
 */
public final class MetricPayloads {
    /** First byte of a binary metric payload (a JSON payload starts with '{'). */
    public static final byte MARKER = 0x01;
    public static final byte TYPE_HISTORY = 1;
    public static final byte TYPE_SYSTEM = 2;
    /** The step field's value when the record has none (the run's auto step). */
    public static final long NO_STEP = -1;
    public static final int TYPE_OFFSET = 1;
    public static final int SEQ_OFFSET = 2;
    public static final int TIME_OFFSET = 10;
    public static final int STEP_OFFSET = 18;
    public static final int COUNT_OFFSET = 26;
    public static final int HEADER_BYTES = 28;
    /** Longest key in UTF-8 bytes: 512 characters of up to four bytes. */
    public static final int MAX_KEY_BYTES = 2048;
    /** Most values in one record: the count is an unsigned 16-bit field. */
    public static final int MAX_VALUES = 0xFFFF;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private MetricPayloads() {
    }

    public static boolean isBinary(byte[] payload) {
        return payload.length > 0 && payload[0] == MARKER;
    }

    /** The record's seq; the caller has checked {@link #isBinary} and that the header is complete. */
    public static long seqOf(byte[] payload) {
        return getLong(payload, SEQ_OFFSET);
    }

    public static long getLong(byte[] bytes, int offset) {
        return (long) LONGS.get(bytes, offset);
    }

    public static double getDouble(byte[] bytes, int offset) {
        return Double.longBitsToDouble((long) LONGS.get(bytes, offset));
    }

    public static int getUnsignedShort(byte[] bytes, int offset) {
        return Short.toUnsignedInt((short) SHORTS.get(bytes, offset));
    }

    public static void putLong(byte[] bytes, int offset, long value) {
        LONGS.set(bytes, offset, value);
    }

    /** Writes the double's bits as they are: a NaN keeps its payload. */
    public static void putDouble(byte[] bytes, int offset, double value) {
        LONGS.set(bytes, offset, Double.doubleToRawLongBits(value));
    }

    public static void putShort(byte[] bytes, int offset, int value) {
        SHORTS.set(bytes, offset, (short) value);
    }
}
