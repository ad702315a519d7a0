package dev.cairn.server.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import dev.cairn.core.run.RunState;
import dev.cairn.core.sweep.config.Goal;
import dev.cairn.core.sweep.config.Metric;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the runs of one sweep in creation order with one indexed query ({@code runs_by_sweep}), deleted ones
 * included: a deleted run still took its point. This is the whole history the stateless search needs, so
 * the controller rebuilds it on every call instead of keeping state that several servers would have to share.
 */
final class SweepMembers {
    private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() {
    };
    private static final int LOOKUP_BATCH = 500;

    private SweepMembers() {
    }

    static List<SweepMember> read(Connection c, SweepRow sweep, Optional<Metric> metric) throws SQLException {
        return read(c, sweep, metric, null);
    }

    /**
     * As {@link #read(Connection, SweepRow, Optional)}, taking runs that did not change since the last call
     * from {@code cache} (null: none). A first query reads only each run's small columns; the documents (the
     * parameters and the summary, which may hold hundreds of metrics) are fetched and parsed only for the runs
     * the cache does not hold in their current version.
     */
    static List<SweepMember> read(Connection c, SweepRow sweep, Optional<Metric> metric, MemberCache cache)
            throws SQLException {
        List<Row> rows = new ArrayList<>();
        List<Long> misses = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("SELECT id, run_id, state, deleted_at, updated_at, last_seq,"
                + (metric.isPresent() ? " LENGTH(summary)" : " 0") + " FROM runs"
                + " WHERE project_id = ? AND sweep_id = ? AND sweep_params IS NOT NULL ORDER BY id")) {
            query.setLong(1, sweep.project().pk());
            query.setString(2, sweep.sweepId());
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    long runPk = result.getLong(1);
                    result.getLong(4);
                    boolean isDeleted = !result.wasNull();
                    String state = result.getString(3);
                    MemberCache.Version version = new MemberCache.Version(result.getLong(5), result.getLong(6),
                            result.getLong(7), state + (isDeleted ? "/deleted" : ""));
                    SweepMember cached = cache == null ? null : cache.get(sweep.pk(), runPk, version);
                    rows.add(new Row(runPk, result.getString(2), RunState.parse(state), isDeleted, version, cached));
                    if (cached == null) {
                        misses.add(runPk);
                    }
                }
            }
        }
        Map<Long, String[]> documents = documents(c, misses, metric.isPresent());
        List<SweepMember> members = new ArrayList<>(rows.size());
        for (Row row : rows) {
            SweepMember member = row.cached();
            if (member == null) {
                String[] document = documents.get(row.runPk());
                if (document == null) {
                    continue; // removed between the two queries (only a benchmark removes runs)
                }
                double value = metric.isPresent() ? metricOf(document[1], metric.get()) : Double.NaN;
                member = new SweepMember(row.runPk(), row.runId(), row.state(), params(document[0]), value,
                        row.isDeleted());
                if (cache != null) {
                    cache.put(sweep.pk(), row.version(), member);
                }
            }
            members.add(member);
        }
        return members;
    }

    /** One run's small columns, and its cached member if the cache holds this version. */
    private record Row(long runPk, String runId, RunState state, boolean isDeleted, MemberCache.Version version,
                       SweepMember cached) {
    }

    /** {@code [sweep_params, summary or null]} of each run, read {@value #LOOKUP_BATCH} runs a query. */
    private static Map<Long, String[]> documents(Connection c, List<Long> runPks, boolean withSummary)
            throws SQLException {
        Map<Long, String[]> documents = new HashMap<>();
        for (int from = 0; from < runPks.size(); from += LOOKUP_BATCH) {
            List<Long> batch = runPks.subList(from, Math.min(runPks.size(), from + LOOKUP_BATCH));
            String marks = String.join(", ", Collections.nCopies(batch.size(), "?"));
            try (PreparedStatement query = c.prepareStatement("SELECT id, sweep_params, "
                    + (withSummary ? "summary" : "NULL") + " FROM runs WHERE id IN (" + marks + ")")) {
                for (int i = 0; i < batch.size(); i++) {
                    query.setLong(i + 1, batch.get(i));
                }
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        documents.put(result.getLong(1), new String[] {result.getString(2), result.getString(3)});
                    }
                }
            }
        }
        return documents;
    }

    /**
     * The run's summary value of the metric: a number as it is; an aggregate object (a metric defined with
     * {@code summary: [min, max, ...]}) gives the aggregate matching the goal ({@code min} when minimising,
     * {@code max} when maximising), else its {@code last}; anything else, NaN.
     */
    static double metricOf(String summaryJson, Metric metric) {
        if (summaryJson == null) {
            return Double.NaN;
        }
        JsonNode value;
        try {
            value = Json.mapper().readTree(summaryJson).get(metric.name());
        } catch (IOException e) {
            return Double.NaN;
        }
        if (value != null && value.isObject()) {
            JsonNode aggregate = value.get(metric.goal() == Goal.MINIMIZE ? "min" : "max");
            value = aggregate != null && !aggregate.isNull() ? aggregate : value.get("last");
        }
        if (value == null || !value.isNumber()) {
            return Double.NaN;
        }
        return value.doubleValue();
    }

    private static Map<String, Object> params(String json) {
        try {
            return Json.mapper().readValue(json, PARAMS);
        } catch (IOException e) {
            throw new IllegalStateException("stored sweep parameters are not a JSON object: " + json, e);
        }
    }
}
