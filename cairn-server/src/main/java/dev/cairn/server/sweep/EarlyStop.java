package dev.cairn.server.sweep;

import dev.cairn.core.sweep.SweepConfig;
import dev.cairn.core.sweep.stop.Hyperband;
import dev.cairn.core.sweep.stop.RunHistory;
import dev.cairn.server.metrics.history.RawHistory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hyperband early termination on heartbeats: which running runs of a sweep fall behind, from every live run's
 * metric history by step ({@link Hyperband#runsToStop}; all runs set the bar, only running ones are stopped).
 *
 * <p>Every run of a sweep heartbeats, so reading all their histories on each beat would cost O(runs²) reads.
 * The answer only changes when a run of the sweep logs something or changes state, so it is kept per sweep
 * under a cheap fingerprint of the sweep's runs (count, sum of record sequence numbers, running count) and
 * recomputed when that moves.
 */
final class EarlyStop {
    private static final int MAX_POINTS = 1_000_000;

    private record Cached(String fingerprint, Set<String> runsToStop) {
    }

    private final Map<Long, Cached> bySweepPk = new ConcurrentHashMap<>();

    Set<String> runsToStop(Connection c, SweepRow sweep, SweepConfig config) throws SQLException {
        String fingerprint = fingerprint(c, sweep);
        Cached cached = bySweepPk.get(sweep.pk());
        if (cached != null && cached.fingerprint().equals(fingerprint)) {
            return cached.runsToStop();
        }
        String metric = config.metric().orElseThrow().name();
        List<RunHistory> histories = new ArrayList<>();
        for (SweepMember member : SweepMembers.read(c, sweep, Optional.empty())) {
            if (!member.isDeleted()) {
                histories.add(new RunHistory(member.runId(), SweepMember.trialState(member.state()),
                        values(c, member.runPk(), metric)));
            }
        }
        Set<String> stop = Set.copyOf(Hyperband.of(config).runsToStop(histories));
        bySweepPk.put(sweep.pk(), new Cached(fingerprint, stop));
        return stop;
    }

    void forget(long sweepPk) {
        bySweepPk.remove(sweepPk);
    }

    private static List<Double> values(Connection c, long runPk, String metric) throws SQLException {
        RawHistory.Page page = RawHistory.read(c, runPk, "history", List.of(metric), 0, Long.MAX_VALUE, MAX_POINTS);
        return page.points().get(metric).stream().map(RawHistory.RawPoint::value).toList();
    }

    private static String fingerprint(Connection c, SweepRow sweep) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT COUNT(*), SUM(last_seq),"
                + " SUM(CASE WHEN state = 'running' THEN 1 ELSE 0 END), SUM(CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END)"
                + " FROM runs WHERE project_id = ? AND sweep_id = ? AND sweep_params IS NOT NULL")) {
            query.setLong(1, sweep.project().pk());
            query.setString(2, sweep.sweepId());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) + "/" + rows.getLong(2) + "/" + rows.getLong(3) + "/" + rows.getLong(4);
            }
        }
    }
}
