package dev.cairn.server.metrics.sampling;

/**
 * Equal-width buckets over {@code [minX, maxX]}: bucket {@code i} holds x in
 * {@code [minX + i*w, minX + (i+1)*w)}, the last one also {@code maxX}. Monotonic in x, so a run of points
 * whose x extent maps to one index lies wholly in that bucket.
 */
public record BucketGrid(double minX, double maxX, int buckets) {

    public boolean contains(double x) {
        return x >= minX && x <= maxX;
    }

    public int index(double x) {
        if (maxX <= minX) {
            return 0;
        }
        int i = (int) Math.floor((x - minX) / (maxX - minX) * buckets);
        return Math.max(0, Math.min(buckets - 1, i));
    }

    /** The smallest integer x in the grid's range, for SQL filters on integer columns. */
    public long minLong() {
        return (long) Math.ceil(minX);
    }

    public long maxLong() {
        return (long) Math.floor(maxX);
    }
}
