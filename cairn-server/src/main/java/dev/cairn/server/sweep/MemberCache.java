package dev.cairn.server.sweep;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed runs of recently used sweeps, so {@code next} parses only the runs that changed since the last call
 * instead of every run's parameters and summary. An entry is used only while the run's
 * {@code (updated_at, last_seq, length(summary), state)} read in the same query still match, so a stale entry is never used, even
 * with several servers on one PostgreSQL. Holds the {@value #MAX_SWEEPS} sweeps used last.
 */
final class MemberCache {
    static final int MAX_SWEEPS = 64;

    /** What identifies one version of a run's row; the summary's length guards two updates in one millisecond. */
    record Version(long updatedAtMs, long lastSeq, long summaryLength, String state) {
    }

    private record Entry(Version version, SweepMember member) {
    }

    private final Map<Long, Map<Long, Entry>> bySweepPk = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Map<Long, Entry>> eldest) {
            return size() > MAX_SWEEPS;
        }
    };

    /** The cached member for this version of the run, or null. */
    synchronized SweepMember get(long sweepPk, long runPk, Version version) {
        Entry entry = bySweepPk.computeIfAbsent(sweepPk, pk -> new HashMap<>()).get(runPk);
        return entry != null && entry.version().equals(version) ? entry.member() : null;
    }

    synchronized void forget(long sweepPk) {
        bySweepPk.remove(sweepPk);
    }

    synchronized void put(long sweepPk, Version version, SweepMember member) {
        bySweepPk.computeIfAbsent(sweepPk, pk -> new HashMap<>()).put(member.runPk(), new Entry(version, member));
    }
}
