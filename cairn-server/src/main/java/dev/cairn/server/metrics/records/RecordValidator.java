package dev.cairn.server.metrics.records;

import dev.cairn.core.run.RunState;
import dev.cairn.server.http.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks one record's fields against its type and builds the {@link Record}; errors name index, seq and field. */
final class RecordValidator {
    static final int MAX_KEY_LENGTH = 512;
    private static final Set<String> SUMMARIES = Set.of("min", "max", "mean", "first", "last");
    private static final String TYPES = "history, system, console, config, summary, define_metric, metadata, exit";

    private RecordValidator() {
    }

    /** Names a record in error messages; its text is built only when there is an error to report. */
    private record Where(int index, Long seq) {
        @Override
        public String toString() {
            return "record " + index + " (seq " + (seq == null ? "missing" : seq) + ")";
        }
    }

    static Record build(int index, RecordFields f) {
        Where where = new Where(index, f.seq);
        if (f.problem != null) {
            throw bad(where, f.problem);
        }
        if (f.seq == null || f.seq < 1) {
            throw bad(where, "field 'seq' must be a positive integer (1, 2, 3 ... per run)");
        }
        if (f.type == null) {
            throw bad(where, "field 'type' is missing; one of " + TYPES);
        }
        if (f.time == null || !Double.isFinite(f.time)) {
            throw bad(where, "field 'time' (Unix seconds) is missing or not finite");
        }
        long seq = f.seq;
        double time = f.time;
        return switch (f.type) {
            case "history" -> new Record.History(seq, time, step(where, f), metricValues(where, f, false));
            case "system" -> new Record.SystemMetrics(seq, time, metricValues(where, f, true));
            case "console" -> console(where, f);
            case "config", "summary", "metadata" -> {
                require(where, f.valuesTree != null, "values", "a JSON object");
                yield new Record.Document(seq, time, f.type, f.valuesTree);
            }
            case "define_metric" -> defineMetric(where, f);
            case "exit" -> exit(where, f);
            default -> throw bad(where, "field 'type' is '" + f.type + "', not one of " + TYPES);
        };
    }

    private static long step(Where where, RecordFields f) {
        if (f.step == null) {
            return Record.AUTO_STEP;
        }
        if (f.step < 0) {
            throw bad(where, "field 'step' must be a non-negative integer, got " + f.step);
        }
        return f.step;
    }

    private static Record.Values metricValues(Where where, RecordFields f, boolean numbersOnly) {
        Record.Values values = f.values;
        if (values == null && f.valuesTree != null) {
            values = RecordParser.metricValues(f.valuesTree);
        }
        require(where, values != null, "values", "a JSON object of key: number");
        for (int i = 0; !f.areKeysChecked && i < values.size(); i++) {
            checkKey(where, values.keys()[i]);
        }
        for (Map.Entry<String, ?> other : values.others().entrySet()) {
            checkKey(where, other.getKey());
            if (numbersOnly) {
                throw bad(where, "field 'values." + other.getKey() + "' must be a number, got " + other.getValue());
            }
        }
        return values;
    }

    private static void checkKey(Where where, String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || key.indexOf('\0') >= 0) {
            throw bad(where, "metric key '" + key.replace("\0", "\\0") + "' must be 1-" + MAX_KEY_LENGTH
                    + " characters without NUL");
        }
    }

    private static Record console(Where where, RecordFields f) {
        require(where, "stdout".equals(f.stream) || "stderr".equals(f.stream), "stream", "\"stdout\" or \"stderr\"");
        require(where, f.line != null && f.line >= 0, "line", "a non-negative integer (0-based line number)");
        require(where, f.text != null, "text", "a string");
        // PostgreSQL text cannot hold NUL; a terminal would not show it either
        return new Record.Console(f.seq, f.time, f.stream, f.line, f.text.replace('\0', '\uFFFD'));
    }

    private static Record defineMetric(Where where, RecordFields f) {
        require(where, f.name != null && !f.name.isEmpty(), "name", "the metric's key");
        checkKey(where, f.name);
        List<String> summary = f.summary;
        if (summary != null) {
            for (String aggregate : summary) {
                require(where, SUMMARIES.contains(aggregate), "summary", "a list of min, max, mean, first, last (got '"
                        + aggregate + "')");
            }
        }
        require(where, f.goal == null || f.goal.equals("minimize") || f.goal.equals("maximize"), "goal",
                "\"minimize\" or \"maximize\"");
        return new Record.DefineMetric(f.seq, f.time, f.name, summary, f.goal, f.stepMetric);
    }

    private static Record exit(Where where, RecordFields f) {
        require(where, "finished".equals(f.state) || "failed".equals(f.state) || "killed".equals(f.state), "state",
                "one of finished, failed, killed");
        require(where, f.exitCode == null || (f.exitCode >= Integer.MIN_VALUE && f.exitCode <= Integer.MAX_VALUE),
                "exit_code", "a 32-bit integer");
        return new Record.Exit(f.seq, f.time, RunState.parse(f.state), f.exitCode == null ? null : f.exitCode.intValue());
    }

    private static void require(Where where, boolean ok, String field, String expected) {
        if (!ok) {
            throw bad(where, "field '" + field + "' must be " + expected);
        }
    }

    private static ApiException.BadRequest bad(Where where, String problem) {
        return new ApiException.BadRequest(where + ": " + problem + "; nothing of this batch was applied");
    }
}
