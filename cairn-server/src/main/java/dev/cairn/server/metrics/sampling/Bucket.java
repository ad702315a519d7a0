package dev.cairn.server.metrics.sampling;

/**
 * One bucket of a downsampled series: the first and last x present, how many points, the min, max and mean of
 * the finite values (null when none was finite), and the value at the bucket's highest step.
 */
public record Bucket(Number x, @com.fasterxml.jackson.annotation.JsonProperty("x_end") Number xEnd, long count, Double min, Double max, Double mean, double last) {
}
