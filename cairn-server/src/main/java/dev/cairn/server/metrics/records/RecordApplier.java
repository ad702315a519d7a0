package dev.cairn.server.metrics.records;

import dev.cairn.core.json.Json;
import dev.cairn.core.run.RunState;
import dev.cairn.server.http.ApiException;
import dev.cairn.server.metrics.Summaries;
import dev.cairn.server.metrics.console.ConsoleLines;
import dev.cairn.server.metrics.store.MetricStore;
import dev.cairn.server.metrics.store.Points;
import dev.cairn.server.metrics.store.SeriesBatch;
import dev.cairn.server.metrics.store.SeriesName;
import dev.cairn.server.store.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies a batch of records to a run inside the caller's transaction, exactly once by seq (docs/records.md):
 * records at or below the run's {@code last_seq} are skipped as duplicates, the rest must continue it without a
 * gap. Metric points of the whole batch go to the store in one call, the summary is recomputed once, and the
 * batch counts as a heartbeat.
 *
 * <pre>{@code
 * IngestResult result = db.inTransaction(c -> RecordApplier.apply(c, dialect, key.requirePk(c), records, nowMs));
 * }</pre>
 */
public final class RecordApplier {
    private RecordApplier() {
    }

    public static IngestResult apply(Connection c, Dialect dialect, long runPk, List<Record> records, long nowMs)
            throws SQLException {
        return apply(c, dialect, runPk, records, nowMs, BatchChanges.IGNORED);
    }

    /** As above, also telling {@code changes} what the new records changed (for live clients). */
    public static IngestResult apply(Connection c, Dialect dialect, long runPk, List<Record> records, long nowMs,
                                     BatchChanges changes) throws SQLException {
        RunRow run = RunRow.lock(c, runPk, dialect);
        long expected = run.lastSeq + 1;
        List<Record> fresh = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            long seq = records.get(i).seq();
            if (seq == expected) {
                fresh.add(records.get(i));
                expected++;
            } else if (seq > expected) {
                throw gap(i, seq, expected, run.lastSeq);
            }
        }
        Effects effects = new Effects(run, changes);
        if (!fresh.isEmpty()) {
            for (Record record : fresh) {
                effects.add(record);
            }
            effects.write(c, runPk);
        }
        String state = run.state;
        if (effects.exit != null) {
            state = effects.exit.state().wireName();
        } else if (RunState.CRASHED.wireName().equals(state)) {
            state = RunState.RUNNING.wireName();
        }
        RunRow.writeProgress(c, runPk, expected - 1, effects.nextStep, state, nowMs, effects.exit);
        return new IngestResult(expected - 1, fresh.size(), records.size() - fresh.size());
    }

    /** Also the message the 409 carries: it names the seq the server expects next. */
    private static ApiException gap(int index, long seq, long expected, long lastSeq) {
        return new ApiException(409, "seq_gap", "record " + index + " has seq " + seq + " but the run has applied up to"
                + " seq " + lastSeq + ", so the next record must be expected seq " + expected
                + "; resend the records from seq " + expected + " in order");
    }

    /** What the new records of a batch do, gathered before anything is written. */
    private static final class Effects {
        final SeriesBatch points = new SeriesBatch();
        final ConsoleLines.Batch console = new ConsoleLines.Batch();
        final RunDocuments documents;
        final BatchChanges changes;
        long nextStep;
        Record.Exit exit;
        private String[] lastKeys;
        private String lastNamespace;
        private SeriesBatch.Input[] lastSeries;

        Effects(RunRow run, BatchChanges changes) {
            this.changes = changes;
            documents = new RunDocuments(run);
            nextStep = run.nextStep;
        }

        void add(Record record) {
            long timeMicros = Math.round(record.time() * 1e6);
            if (record instanceof Record.History history) {
                long step = history.step() == Record.AUTO_STEP ? nextStep : history.step();
                nextStep = step + 1;
                addValues(SeriesName.HISTORY, history.values(), step, timeMicros);
                if (changes.isCollecting()) {
                    history.values().others().keySet().forEach(k -> changes.history(k, step));
                    for (int i = 0; i < history.values().size(); i++) {
                        changes.history(history.values().keys()[i], step);
                    }
                }
            } else if (record instanceof Record.SystemMetrics system) {
                addValues(SeriesName.SYSTEM, system.values(), Points.SAMPLE_INDEX, timeMicros);
                for (int i = 0; changes.isCollecting() && i < system.values().size(); i++) {
                    changes.system(system.values().keys()[i], record.time());
                }
            } else if (record instanceof Record.Console line) {
                console.put(line.line(), line.stream(), timeMicros, line.text());
                if (changes.isCollecting()) {
                    changes.console(line.line(), line.stream(), timeMicros / 1e6, line.text());
                }
            } else if (record instanceof Record.Document document) {
                documents.merge(document);
            } else if (record instanceof Record.DefineMetric definition) {
                documents.define(definition);
            } else if (record instanceof Record.Exit end) {
                exit = end;
            }
        }

        private void addValues(String namespace, Record.Values values, long step, long timeMicros) {
            SeriesBatch.Input[] series = seriesOf(namespace, values);
            double[] numbers = values.numbers();
            for (int i = 0; i < values.size(); i++) {
                series[i].add(step, timeMicros, Double.doubleToRawLongBits(numbers[i]));
            }
            for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> other : values.others().entrySet()) {
                points.addNonNumeric(namespace, other.getKey(), json(other.getValue()));
            }
        }

        /**
         * The series of each key. Binary records that repeat the previous record's keys share its key array
         * (MetricPayloadReader), so the series found for it are used again without a lookup per point.
         */
        private SeriesBatch.Input[] seriesOf(String namespace, Record.Values values) {
            String[] keys = values.keys();
            if (keys == lastKeys && namespace.equals(lastNamespace)) {
                return lastSeries;
            }
            SeriesBatch.Namespace names = points.namespace(namespace);
            SeriesBatch.Input[] series = new SeriesBatch.Input[values.size()];
            for (int i = 0; i < series.length; i++) {
                series[i] = names.series(keys[i]);
            }
            lastKeys = keys;
            lastNamespace = namespace;
            lastSeries = series;
            return series;
        }

        void write(Connection c, long runPk) throws SQLException {
            documents.write(c, runPk);
            MetricStore.append(c, runPk, points);
            console.write(c, runPk);
            if (points.touchesHistory() || documents.changesSummary()) {
                Summaries.refresh(c, runPk);
            }
        }

        private static String json(com.fasterxml.jackson.databind.JsonNode node) {
            try {
                return Json.mapper().writeValueAsString(node);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
