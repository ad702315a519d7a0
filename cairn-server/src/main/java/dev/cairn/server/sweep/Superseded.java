package dev.cairn.server.sweep;

import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs of a grid sweep that came back (their program resumed or heartbeat again) after they had crashed and
 * their point was handed out to a later run ({@link dev.cairn.core.sweep.search.GridSearch#superseded}). The
 * later run keeps the point; the superseded one is told to stop on its heartbeat and ends {@code killed}, and the
 * sweep object lists it under {@code superseded}. Random and bayes sweeps never hand a point out again.
 */
final class Superseded {
    private Superseded() {
    }

    /** The superseded runs' ids, oldest first; empty unless the sweep is a grid. */
    static Set<String> runIds(SweepConfigs.Parsed parsed, List<SweepMember> members) {
        if (parsed.grid() == null) {
            return Set.of();
        }
        BitSet superseded = parsed.grid().superseded(members.stream().map(SweepMember::trial).toList());
        Set<String> ids = new LinkedHashSet<>();
        superseded.stream().forEach(i -> ids.add(members.get(i).runId()));
        return ids;
    }
}
