package dev.cairn.server.metrics.store;

/**
 * A row of {@code metric_series}: the running aggregates of every point of one series, plus where its chunks
 * end. Updated in memory while a batch is appended, then written back once.
 */
public final class SeriesState {
    final long id;
    final SeriesName name;
    long pointCount;
    long finiteCount;
    double sum;
    Double min;
    Double max;
    long minStep;
    long maxStep;
    long minTime;
    long maxTime;
    long firstStep;
    long firstTime;
    long firstBits;
    long lastStep;
    long lastTime;
    long lastBits;
    String lastJson;

    SeriesState(long id, SeriesName name) {
        this.id = id;
        this.name = name;
    }

    /** Folds freshly appended points (arrival order) into the aggregates. */
    void absorb(Points points) {
        // primitives in the loop: this runs once per stored point
        double low = min == null ? Double.POSITIVE_INFINITY : min;
        double high = max == null ? Double.NEGATIVE_INFINITY : max;
        for (int i = 0; i < points.size(); i++) {
            long step = points.step(i);
            long time = points.time(i);
            if (pointCount == 0) {
                firstStep = step;
                firstTime = time;
                firstBits = points.bits(i);
                minStep = step;
                maxStep = step;
                minTime = time;
                maxTime = time;
            }
            pointCount++;
            minStep = Math.min(minStep, step);
            maxStep = Math.max(maxStep, step);
            minTime = Math.min(minTime, time);
            maxTime = Math.max(maxTime, time);
            lastStep = step;
            lastTime = time;
            lastBits = points.bits(i);
            double value = points.value(i);
            if (Double.isFinite(value)) {
                finiteCount++;
                sum += value;
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
        }
        if (finiteCount > 0) {
            min = low;
            max = high;
        }
    }

    public long id() {
        return id;
    }

    public SeriesName name() {
        return name;
    }

    public long pointCount() {
        return pointCount;
    }

    public long finiteCount() {
        return finiteCount;
    }

    /** Sum of the finite values. */
    public double sum() {
        return sum;
    }

    /** Smallest finite value, or null when none was finite. */
    public Double min() {
        return min;
    }

    public Double max() {
        return max;
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

    /** The first value logged (by arrival), as raw bits. */
    public long firstBits() {
        return firstBits;
    }

    /** The last value logged (by arrival), as raw bits. */
    public long lastBits() {
        return lastBits;
    }

    public long lastStep() {
        return lastStep;
    }

    /** The last value logged when it was not a number, as JSON text; null when the last one was a number. */
    public String lastJson() {
        return lastJson;
    }

    public long minX(boolean byTime) {
        return byTime ? minTime : minStep;
    }

    public long maxX(boolean byTime) {
        return byTime ? maxTime : maxStep;
    }
}
