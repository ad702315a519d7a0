package dev.cairn.server.metrics.store;

/** A series of one run: its namespace ({@code history} or {@code system}) and its key ({@code train/loss}). */
public record SeriesName(String namespace, String key) {
    public static final String HISTORY = "history";
    public static final String SYSTEM = "system";
}
