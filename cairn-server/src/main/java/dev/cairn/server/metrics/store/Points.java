package dev.cairn.server.metrics.store;

import java.util.Arrays;

/**
 * A growable run of points in arrival order, kept as three primitive arrays (step, time in microseconds,
 * raw IEEE-754 value bits) so that appending a point allocates nothing.
 *
 * <pre>{@code
 * Points points = new Points(16);
 * points.add(7, 1_764_072_001_000_000L, Double.doubleToRawLongBits(0.25));
 * }</pre>
 */
public final class Points {
    /** A step to be filled in when the points are stored: the point's index in its series (system metrics). */
    public static final long SAMPLE_INDEX = -1;

    private long[] steps;
    private long[] times;
    private long[] bits;
    private int size;

    public Points(int capacity) {
        int initial = Math.max(4, capacity);
        steps = new long[initial];
        times = new long[initial];
        bits = new long[initial];
    }

    public void add(long step, long timeMicros, long valueBits) {
        if (size == steps.length) {
            int grown = size * 2;
            steps = Arrays.copyOf(steps, grown);
            times = Arrays.copyOf(times, grown);
            bits = Arrays.copyOf(bits, grown);
        }
        steps[size] = step;
        times[size] = timeMicros;
        bits[size] = valueBits;
        size++;
    }

    /** Appends {@code count} points of {@code other} starting at {@code from}. */
    public void addAll(Points other, int from, int count) {
        for (int i = from; i < from + count; i++) {
            add(other.steps[i], other.times[i], other.bits[i]);
        }
    }

    public int size() {
        return size;
    }

    public long step(int i) {
        return steps[i];
    }

    public long time(int i) {
        return times[i];
    }

    public long bits(int i) {
        return bits[i];
    }

    public double value(int i) {
        return Double.longBitsToDouble(bits[i]);
    }

    /** The point's x: its step, or its time in microseconds. */
    public long x(int i, boolean byTime) {
        return byTime ? times[i] : steps[i];
    }

    void setStep(int i, long step) {
        steps[i] = step;
    }

    /** The summary of points {@code [from, to)}. */
    public Summary summarize(int from, int to) {
        Summary summary = new Summary();
        for (int i = from; i < to; i++) {
            summary.add(steps[i], times[i], bits[i]);
        }
        return summary;
    }
}
