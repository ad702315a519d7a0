package dev.cairn.server.metrics.store;

/**
 * The binary form of a chunk of up to {@link #CAPACITY} points:
 * <pre>
 * version byte (1) | count varint
 * | steps: first as zig-zag varint, then zig-zag varint deltas (usually one byte: step + 1)
 * | times: microseconds, the same way (usually one or two bytes)
 * | values: count x 8 bytes, little-endian raw IEEE-754 bits, so NaN and infinities round-trip bit-exactly
 * </pre>
 * About 10-11 bytes a point. Steps may go backwards or repeat; the deltas are signed.
 */
public final class ChunkCodec {
    /** Points in a full chunk; a multiple of every rollup cell size below it. */
    public static final int CAPACITY = 1024;
    private static final byte VERSION = 1;

    private ChunkCodec() {
    }

    /** Encodes points {@code [from, from + count)} of {@code points}. */
    public static byte[] encode(Points points, int from, int count) {
        byte[] out = new byte[1 + 5 + count * (10 + 10 + 8)];
        int at = 0;
        out[at++] = VERSION;
        at = writeVarint(out, at, count);
        long previous = 0;
        for (int i = from; i < from + count; i++) {
            long step = points.step(i);
            at = writeVarint(out, at, zigZag(step - previous));
            previous = step;
        }
        previous = 0;
        for (int i = from; i < from + count; i++) {
            long time = points.time(i);
            at = writeVarint(out, at, zigZag(time - previous));
            previous = time;
        }
        for (int i = from; i < from + count; i++) {
            long bits = points.bits(i);
            for (int b = 0; b < 8; b++) {
                out[at++] = (byte) (bits >>> (8 * b));
            }
        }
        return java.util.Arrays.copyOf(out, at);
    }

    /** Decodes a chunk, appending its points to {@code into}; returns how many there were. */
    public static int decode(byte[] data, Points into) {
        if (data.length == 0 || data[0] != VERSION) {
            throw new IllegalStateException("metric chunk has unknown format version " + (data.length == 0 ? -1 : data[0]));
        }
        int[] at = {1};
        int count = (int) readVarint(data, at);
        long[] steps = new long[count];
        long[] times = new long[count];
        long previous = 0;
        for (int i = 0; i < count; i++) {
            previous += unZigZag(readVarint(data, at));
            steps[i] = previous;
        }
        previous = 0;
        for (int i = 0; i < count; i++) {
            previous += unZigZag(readVarint(data, at));
            times[i] = previous;
        }
        int v = at[0];
        for (int i = 0; i < count; i++) {
            long bits = 0;
            for (int b = 0; b < 8; b++) {
                bits |= (data[v++] & 0xFFL) << (8 * b);
            }
            into.add(steps[i], times[i], bits);
        }
        return count;
    }

    private static long zigZag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long unZigZag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    private static int writeVarint(byte[] out, int at, long value) {
        while ((value & ~0x7FL) != 0) {
            out[at++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out[at++] = (byte) value;
        return at;
    }

    private static long readVarint(byte[] data, int[] at) {
        long value = 0;
        int shift = 0;
        int i = at[0];
        while (true) {
            byte b = data[i++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                at[0] = i;
                return value;
            }
            shift += 7;
        }
    }
}
