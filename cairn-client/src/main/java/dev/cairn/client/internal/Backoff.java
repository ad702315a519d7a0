package dev.cairn.client.internal;

import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next attempt after {@code failures} failures in a row: doubling from
 * {@code initialMs} up to {@code maxMs}, less up to 20% at random so that many clients cut off by the same
 * outage don't all come back at the same instant.
 */
public final class Backoff {
    private static final double JITTER_FRACTION = 0.2;

    private final long initialMs;
    private final long maxMs;
    private final DoubleSupplier random;

    /** @param random values in [0, 1); tests pass a constant */
    public Backoff(long initialMs, long maxMs, DoubleSupplier random) {
        this.initialMs = initialMs;
        this.maxMs = maxMs;
        this.random = random;
    }

    public long delayMs(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        long exponential = Math.min(maxMs, initialMs << doublings);
        return exponential - (long) (exponential * JITTER_FRACTION * random.getAsDouble());
    }
}
