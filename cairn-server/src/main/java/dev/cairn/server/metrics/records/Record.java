package dev.cairn.server.metrics.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.run.RunState;
import java.util.List;
import java.util.Map;

/**
 * One validated record of an ingestion batch (docs/records.md): everything a run produces after it is created.
 * {@link RecordParser} builds them from the wire; {@link RecordApplier} applies them.
 *
 * <pre>{@code
 * List<Record> records = RecordParser.parse(body);
 * }</pre>
 */
public sealed interface Record {
    /** A step that the server fills in: the previous history record's step + 1. */
    long AUTO_STEP = -1;

    long seq();

    /** Unix seconds. */
    double time();

    /** Metric values: numbers by key, and the values that are not numbers (strings, objects) by key. */
    record Values(String[] keys, double[] numbers, int size, Map<String, JsonNode> others) {
    }

    /** {@code history}: one point per numeric value at {@code step} ({@link #AUTO_STEP} when not given). */
    record History(long seq, double time, long step, Values values) implements Record {
    }

    /** {@code system}: one point per value in the system namespace. */
    record SystemMetrics(long seq, double time, Values values) implements Record {
    }

    /** {@code console}: line {@code line} of the run's console becomes {@code text}. */
    record Console(long seq, double time, String stream, long line, String text) implements Record {
    }

    /** {@code config}, {@code summary} or {@code metadata}: keys merged into that document, null removing. */
    record Document(long seq, double time, String type, ObjectNode values) implements Record {
    }

    /** {@code define_metric}: how the metric's summary is computed. */
    record DefineMetric(long seq, double time, String name, List<String> summary, String goal, String stepMetric)
            implements Record {
    }

    /** {@code exit}: the run ends in {@code state}. */
    record Exit(long seq, double time, RunState state, Integer exitCode) implements Record {
    }
}
