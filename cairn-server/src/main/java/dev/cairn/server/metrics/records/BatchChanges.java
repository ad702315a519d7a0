package dev.cairn.server.metrics.records;

import dev.cairn.server.metrics.console.ConsoleLines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the new records of a batch changed, gathered by {@link RecordApplier} for live clients: per history
 * key the latest step, per system key the latest time, and the console lines written.
 *
 * <pre>{@code
 * BatchChanges changes = new BatchChanges();
 * RecordApplier.apply(c, dialect, runPk, records, nowMs, changes);
 * changes.historySteps();   // {"loss": 12, "acc": 12}
 * }</pre>
 */
public final class BatchChanges {
    /** Collects nothing: for batches nobody watches, so ingestion pays nothing for live clients. */
    public static final BatchChanges IGNORED = new BatchChanges(false);

    private final boolean isCollecting;
    private final Map<String, Long> historySteps = new LinkedHashMap<>();
    private final Map<String, Double> systemTimes = new LinkedHashMap<>();
    private final TreeMap<Long, ConsoleLines.Line> console = new TreeMap<>();

    public BatchChanges() {
        this(true);
    }

    private BatchChanges(boolean isCollecting) {
        this.isCollecting = isCollecting;
    }

    boolean isCollecting() {
        return isCollecting;
    }

    void history(String key, long step) {
        historySteps.merge(key, step, Math::max);
    }

    void system(String key, double timeS) {
        systemTimes.merge(key, timeS, Math::max);
    }

    void console(long line, String stream, double timeS, String text) {
        console.put(line, new ConsoleLines.Line(line, stream, timeS, text));
    }

    public Map<String, Long> historySteps() {
        return historySteps;
    }

    public Map<String, Double> systemTimes() {
        return systemTimes;
    }

    /** The lines written, in line order; a line written twice in the batch appears once, as last written. */
    public List<ConsoleLines.Line> consoleLines() {
        return new ArrayList<>(console.values());
    }
}
