package dev.cairn.server.metrics.store;

import java.nio.ByteBuffer;

/**
 * Aggregates of a run of points, in arrival order: how many, their step and time extents, the sum, minimum and
 * maximum of the finite values, and the value at the highest step (the latest arrival wins a tie).
 * Chunks, rollup cells and downsampling buckets all carry one; two merge in O(1).
 *
 * <pre>{@code
 * Summary s = new Summary();
 * s.add(0, 1_000_000, Double.doubleToRawLongBits(0.5));
 * s.add(1, 1_000_100, Double.doubleToRawLongBits(Double.NaN));   // counted, not aggregated
 * assert s.count() == 2 && s.finiteCount() == 1 && s.max() == 0.5;
 * }</pre>
 */
public final class Summary {
    /** Bytes of {@link #writeTo}: two ints and nine longs. */
    public static final int BYTES = 2 * Integer.BYTES + 9 * Long.BYTES;

    private int count;
    private int finiteCount;
    private long minStep = Long.MAX_VALUE;
    private long maxStep = Long.MIN_VALUE;
    private long minTime = Long.MAX_VALUE;
    private long maxTime = Long.MIN_VALUE;
    private long lastStep = Long.MIN_VALUE;
    private long lastBits;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** Adds one point; points must be added in arrival order for {@link #lastBits()} to be right. */
    public void add(long step, long timeMicros, long valueBits) {
        count++;
        if (step < minStep) {
            minStep = step;
        }
        if (step >= maxStep) {
            maxStep = step;
        }
        if (step >= lastStep) {
            lastStep = step;
            lastBits = valueBits;
        }
        if (timeMicros < minTime) {
            minTime = timeMicros;
        }
        if (timeMicros > maxTime) {
            maxTime = timeMicros;
        }
        double value = Double.longBitsToDouble(valueBits);
        if (Double.isFinite(value)) {
            finiteCount++;
            sum += value;
            if (value < min) {
                min = value;
            }
            if (value > max) {
                max = value;
            }
        }
    }

    /** Merges the summary of points that arrived after this one's. */
    public void merge(Summary later) {
        if (later.count == 0) {
            return;
        }
        count += later.count;
        finiteCount += later.finiteCount;
        minStep = Math.min(minStep, later.minStep);
        maxStep = Math.max(maxStep, later.maxStep);
        minTime = Math.min(minTime, later.minTime);
        maxTime = Math.max(maxTime, later.maxTime);
        if (later.lastStep >= lastStep) {
            lastStep = later.lastStep;
            lastBits = later.lastBits;
        }
        sum += later.sum;
        min = Math.min(min, later.min);
        max = Math.max(max, later.max);
    }

    public int count() {
        return count;
    }

    public int finiteCount() {
        return finiteCount;
    }

    public long minStep() {
        return minStep;
    }

    public long maxStep() {
        return maxStep;
    }

    public long minTime() {
        return minTime;
    }

    public long maxTime() {
        return maxTime;
    }

    /** The highest step seen. */
    public long lastStep() {
        return lastStep;
    }

    /** The raw bits of the value at {@link #lastStep()}. */
    public long lastBits() {
        return lastBits;
    }

    /** Sum of the finite values (may overflow to an infinity). */
    public double sum() {
        return sum;
    }

    /** Smallest finite value; only meaningful when {@link #finiteCount()} is positive. */
    public double min() {
        return min;
    }

    /** Largest finite value; only meaningful when {@link #finiteCount()} is positive. */
    public double max() {
        return max;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** The minimum or maximum x of the points: their step, or their time in microseconds. */
    public long minX(boolean byTime) {
        return byTime ? minTime : minStep;
    }

    public long maxX(boolean byTime) {
        return byTime ? maxTime : maxStep;
    }

    public void writeTo(ByteBuffer out) {
        out.putInt(count).putInt(finiteCount)
                .putLong(minStep).putLong(maxStep).putLong(minTime).putLong(maxTime)
                .putLong(lastStep).putLong(lastBits)
                .putLong(Double.doubleToRawLongBits(sum))
                .putLong(Double.doubleToRawLongBits(min))
                .putLong(Double.doubleToRawLongBits(max));
    }

    public static Summary readFrom(ByteBuffer in) {
        Summary s = new Summary();
        s.count = in.getInt();
        s.finiteCount = in.getInt();
        s.minStep = in.getLong();
        s.maxStep = in.getLong();
        s.minTime = in.getLong();
        s.maxTime = in.getLong();
        s.lastStep = in.getLong();
        s.lastBits = in.getLong();
        s.sum = Double.longBitsToDouble(in.getLong());
        s.min = Double.longBitsToDouble(in.getLong());
        s.max = Double.longBitsToDouble(in.getLong());
        return s;
    }

    /** Rebuilds a summary from stored columns ({@code min}/{@code max} null when no value was finite). */
    public static Summary of(int count, int finiteCount, long minStep, long maxStep, long minTime, long maxTime,
                             long lastStep, long lastBits, double sum, Double min, Double max) {
        Summary s = new Summary();
        s.count = count;
        s.finiteCount = finiteCount;
        s.minStep = minStep;
        s.maxStep = maxStep;
        s.minTime = minTime;
        s.maxTime = maxTime;
        s.lastStep = lastStep;
        s.lastBits = lastBits;
        s.sum = sum;
        s.min = min == null ? Double.POSITIVE_INFINITY : min;
        s.max = max == null ? Double.NEGATIVE_INFINITY : max;
        return s;
    }
}
