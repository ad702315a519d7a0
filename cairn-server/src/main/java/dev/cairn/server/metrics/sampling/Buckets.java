package dev.cairn.server.metrics.sampling;

import dev.cairn.server.metrics.store.Summary;
import java.util.ArrayList;
import java.util.List;

/** Accumulates points and pre-aggregated summaries into buckets; fed in arrival order. */
final class Buckets {
    private final long[] count;
    private final long[] finite;
    private final double[] sum;
    private final double[] min;
    private final double[] max;
    private final long[] lastStep;
    private final long[] lastBits;
    private final double[] xMin;
    private final double[] xMax;

    Buckets(int buckets) {
        count = new long[buckets];
        finite = new long[buckets];
        sum = new double[buckets];
        min = new double[buckets];
        max = new double[buckets];
        lastStep = new long[buckets];
        lastBits = new long[buckets];
        xMin = new double[buckets];
        xMax = new double[buckets];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(lastStep, Long.MIN_VALUE);
        java.util.Arrays.fill(xMin, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(xMax, Double.NEGATIVE_INFINITY);
    }

    void addPoint(int b, double x, long step, long bits) {
        count[b]++;
        double value = Double.longBitsToDouble(bits);
        if (Double.isFinite(value)) {
            finite[b]++;
            sum[b] += value;
            min[b] = Math.min(min[b], value);
            max[b] = Math.max(max[b], value);
        }
        if (step >= lastStep[b]) {
            lastStep[b] = step;
            lastBits[b] = bits;
        }
        xMin[b] = Math.min(xMin[b], x);
        xMax[b] = Math.max(xMax[b], x);
    }

    void addSummary(int b, Summary s, double sMinX, double sMaxX) {
        count[b] += s.count();
        if (s.finiteCount() > 0) {
            finite[b] += s.finiteCount();
            sum[b] += s.sum();
            min[b] = Math.min(min[b], s.min());
            max[b] = Math.max(max[b], s.max());
        }
        if (s.lastStep() >= lastStep[b]) {
            lastStep[b] = s.lastStep();
            lastBits[b] = s.lastBits();
        }
        xMin[b] = Math.min(xMin[b], sMinX);
        xMax[b] = Math.max(xMax[b], sMaxX);
    }

    /** The non-empty buckets in x order; {@code xDivisor} converts stored x (microseconds) to output units. */
    List<Bucket> result(boolean integralX, double xDivisor) {
        List<Bucket> result = new ArrayList<>();
        for (int b = 0; b < count.length; b++) {
            if (count[b] == 0) {
                continue;
            }
            boolean anyFinite = finite[b] > 0;
            result.add(new Bucket(x(xMin[b], integralX, xDivisor), x(xMax[b], integralX, xDivisor), count[b],
                    anyFinite ? min[b] : null, anyFinite ? max[b] : null, anyFinite ? sum[b] / finite[b] : null,
                    Double.longBitsToDouble(lastBits[b])));
        }
        return result;
    }

    private static Number x(double value, boolean integral, double divisor) {
        return integral ? (Number) (long) value : (Number) (value / divisor);
    }
}
