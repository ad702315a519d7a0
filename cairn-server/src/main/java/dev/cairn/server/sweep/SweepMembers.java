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

    private SweepMembers() {
    }

    static List<SweepMember> read(Connection c, SweepRow sweep, Optional<Metric> metric) throws SQLException {
        return read(c, sweep, metric, null);
    }

    /**
     * As {@link #read(Connection, SweepRow, Optional)}, taking runs that did not change since the last call
     * from {@code cache} (null: none) instead of parsing them again.
     */
    static List<SweepMember> read(Connection c, SweepRow sweep, Optional<Metric> metric, MemberCache cache)
            throws SQLException {
        List<SweepMember> members = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("SELECT id, run_id, state, sweep_params, "
                + (metric.isPresent() ? "summary" : "NULL") + ", deleted_at, updated_at, last_seq,"
                + (metric.isPresent() ? " LENGTH(summary)" : " 0") + " FROM runs"
                + " WHERE project_id = ? AND sweep_id = ? AND sweep_params IS NOT NULL ORDER BY id")) {
            query.setLong(1, sweep.project().pk());
            query.setString(2, sweep.sweepId());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long runPk = rows.getLong(1);
                    rows.getLong(6);
                    boolean isDeleted = !rows.wasNull();
                    MemberCache.Version version = new MemberCache.Version(rows.getLong(7), rows.getLong(8),
                            rows.getLong(9), rows.getString(3) + (isDeleted ? "/deleted" : ""));
                    SweepMember member = cache == null ? null : cache.get(sweep.pk(), runPk, version);
                    if (member == null) {
                        double value = metric.isPresent() ? metricOf(rows.getString(5), metric.get()) : Double.NaN;
                        member = new SweepMember(runPk, rows.getString(2), RunState.parse(rows.getString(3)),
                                params(rows.getString(4)), value, isDeleted);
                        if (cache != null) {
                            cache.put(sweep.pk(), version, member);
                        }
                    }
                    members.add(member);
                }
            }
        }
        return members;
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
