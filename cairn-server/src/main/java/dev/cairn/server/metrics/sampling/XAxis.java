package dev.cairn.server.metrics.sampling;

/**
 * What a downsample puts on its x axis: the step, the wall time (Unix seconds), or another metric of the same
 * run (points joined by step).
 *
 * <pre>{@code
 * XAxis.parse("step"); XAxis.parse("time"); XAxis.parse("epoch");  // the last one is a metric key
 * }</pre>
 */
public record XAxis(Kind kind, String metricKey) {
    public enum Kind { STEP, TIME, METRIC }

    public static final XAxis STEP = new XAxis(Kind.STEP, null);
    public static final XAxis TIME = new XAxis(Kind.TIME, null);

    public static XAxis parse(String value) {
        if (value == null || value.isEmpty() || value.equals("step") || value.equals("_step")) {
            return STEP;
        }
        if (value.equals("time") || value.equals("_timestamp")) {
            return TIME;
        }
        return new XAxis(Kind.METRIC, value);
    }

    public boolean isTime() {
        return kind == Kind.TIME;
    }

    @Override
    public String toString() {
        return kind == Kind.METRIC ? metricKey : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
